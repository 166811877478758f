import Testing
@testable import SchoolSite

@Suite struct DigestsTests {
    @Test func bytesAreWrittenAsLowerCaseHexadecimal() {
        #expect([UInt8]().hexString == "")
        #expect([0x00, 0x0F, 0xA0, 0xFF].hexString == "000fa0ff")
        // FIPS 180-2's first example.
        #expect("abc".sha256 == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}
