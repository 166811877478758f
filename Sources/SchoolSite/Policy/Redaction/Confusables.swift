/// Letters that look like Latin ones: `Аmelia` (Cyrillic А), `ᴀᴍᴇʟɪᴀ` (small
/// capitals), `Ꭺmelia` (Cherokee) still read as the name on the page, so the scan
/// must treat them as the name. From the Unicode confusables data (UTS #39,
/// confusables.txt): every letter of any script that it lists as confusable with
/// one Latin letter, but those that compatibility folding (NFKC) already makes
/// Latin (full-width, mathematical); with the Latin small capitals, the lower-case
/// forms of the Cherokee capitals, and a few letters the accent folding leaves
/// alone (`ø`, `ł`, `đ`). A capital drawn like I stands for an i, as names are
/// compared lower-cased (the data lists it as l).
enum Confusables {
    static func latin(for scalar: Unicode.Scalar) -> Character? {
        table[scalar.value]
    }

    private static let table: [UInt32: Character] = {
        let pairs: [(String, Character)] = [
        ("ɑΆΑάαАаӐӑӒӓᎪᗅᴀꓮꭺ𐊠𖽀", "a"),
        ("ƄʙΒβВЬвьᏏᏴᏼᑲᖯᗷꓐꞴꮟ𐊂𐊡𐌁", "b"),
        ("ϲϹСсᏟᴄⲤⲥꓚꮯ𐊢𐌂𐐕𐐽𐔜", "c"),
        ("ĐđԀԁᎠᏧᑯᗞᗪᴅꓒꓓꭰꮷ", "d"),
        ("ΕεЁЄЕеёєҽӖӗᎬᴇⴹꓰꬲꭼ𐊆𑢦𑢮", "e"),
        ("ϜϝքᖴẝꓝꜰꞘꞙꬵ𐊇𐊥𐔥𑢢𑣂", "f"),
        ("ƍɡɢԌԍցᏀᏳᏻᶃꓖꮐ", "g"),
        ("ʜΗНҺһՀհᎻᏂᕼⲎꓧꮋꮒ𐋏", "h"),
        ("ıƖɩɪΊΐΙίιϊІЇіїӀӏᎥᏞⲒⳐꙇꭵꮮ𐐛𑢣𑢲𑣃", "i"),
        ("ȷͿϳЈјᎫᒍᴊꓙꞲꭻ", "j"),
        ("ΚκϰКкҚқᏦᛕᴋⲔꓗꮶ𐔘", "k"),
        ("Łłǀʟᒪᛁℓⵏꓡꓲ𐊊𐌉𐔦𖼖𖼨", "l"),
        ("ΜϺМмᎷᗰᛖᴍⲘꓟꮇ𐊰𐌑", "m"),
        ("ɴΝηՌոռⲚꓠ𐔓", "n"),
        ("ØøΌΟοσόОоӦӧՕօଠഠဝჿዐᴏᴑⲞⲟⵔ〇ꓳꬽ𐊒𐊫𐐄𐐬𐓂𐓪𐔖𑢵𑣈𑣗", "o"),
        ("ΡρϱРрҎҏᏢᑭᴘⲢⲣꓑꮲ𐊕", "p"),
        ("Ԛԛգզⵕꞯ", "q"),
        ("ƦʀгᎡᏒᖇᴦⲅꓣꭇꭈꭱꮁꮢ𐒴𖼵", "r"),
        ("ſƽЅѕՏᏕᏚꓢꜱꮥꮪ𐊖𐐠𐑈𑣁𖼺", "s"),
        ("ΤτТтᎢᴛⲦꓔꭲ𐊗𐊱𐌕𑢼𖼊", "t"),
        ("ʋυЦцՍսሀᑌᴜꓴꞟꭎꭒ𐓎𐓶𑢸𑣘𖽂", "u"),
        ("ƲνѴѵᏙᐯᴠⴸꓦꛟꮩ𐔝𑜆𑢠𑣀𖼈", "v"),
        ("ɯѠѡԜԝաᎳᏔᴡꓪꮃꮤ𑜊𑜎𑜏", "w"),
        ("ΧχХхҲҳᕁᕽᚷⲬⵝꓫꞳ𐊐𐊴𐌗𐔧", "x"),
        ("ɣʏΎΥγύϒУуҮүҰұყᎩᎽᶌỿⲨꓬꭚꭹꮍ𐊲𑢤𑣜𖽃", "y"),
        ("ΖᏃᴢꓜꮓ𑢩𑣄", "z"),
        ]
        var table: [UInt32: Character] = [:]
        for (letters, latin) in pairs {
            for scalar in letters.unicodeScalars { table[scalar.value] = latin }
        }
        return table
    }()
}
