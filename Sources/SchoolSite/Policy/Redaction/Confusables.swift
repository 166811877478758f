/// Letters that look like Latin ones: `Аmelia` (Cyrillic А), `ᴀᴍᴇʟɪᴀ` (small
/// capitals), `Ꭺmelia` (Cherokee) still read as the name on the page, so the scan
/// must treat them as the name. From the Unicode confusables data (UTS #39,
/// confusables.txt): every letter of any script that it lists as confusable with
/// one Latin letter, but those that compatibility folding (NFKC) already makes
/// Latin (full-width, mathematical); with the Latin small capitals, the lower-case
/// forms of the Cherokee capitals, and every letter or symbol whose Unicode name
/// makes it a Latin letter that the accent folding leaves alone: with a stroke,
/// bar or hook (`ø`, `ł`, `Ħ`, `ɨ`, `ʉ`), insular or enclosed (`ꞃ`, `🅰`, `⒜`). A
/// capital drawn like I stands for an i, as names are compared lower-cased (the
/// data lists it as l).
enum Confusables {
    static func latin(for scalar: Unicode.Scalar) -> Character? {
        table[scalar.value]
    }

    private static let table: [UInt32: Character] = {
        let pairs: [(String, Character)] = [
        ("ȺɑΆΑάαАаӐӑӒӓᎪᗅᴀᶏẚ⒜ⱥꓮꭺ𐊠𖽀🄐🅐🅰", "a"),
        ("ƀƁƂƃƄɃɓʙΒβВЬвьᏏᏴᏼᑲᖯᗷᵬᶀ⒝ꓐꞖꞗꞴꮟ𐊂𐊡𐌁🄑🅑🅱", "b"),
        ("ƇƈȻȼɕϲϹСсᏟᴄ⒞ⲤⲥꓚꞒꞓꞔꟄꮯ𐊢𐌂𐐕𐐽𐔜𝼝🄒🅒🅲", "c"),
        ("ĐđƊƋƌȡɖɗԀԁᎠᏧᑯᗞᗪᴅᵭᶁᶑ⒟ꓒꓓꝹꝺꟇꟈꭰꮷ🄓🅓🅳🆥", "d"),
        ("ƐɆɇɛΕεЁЄЕеёєҽӖӗᎬᴇᶒᶓ⒠ⱸⴹꓰꬲꬳꬴꭼ𐊆𑢦𑢮🄔🅔🅴", "e"),
        ("ƑƒϜϝքᖴᵮᶂẝ⒡ꓝꜰꝻꝼꞘꞙꬵ𐊇𐊥𐔥𑢢𑣂🄕🅕🅵", "f"),
        ("ƍƓǤǥɠɡɢԌԍցᏀᏳᏻᵹᶃ⒢ꓖꝽꞠꞡꞬꬶꮐ🄖🅖🅶", "g"),
        ("ĦħɦʜΗНҺһՀհᎻᏂᕼ⒣ⱧⱨⲎꓧꞕꞪꮋꮒ𐋏🄗🅗🅷", "h"),
        ("ıƖƗɨɩɪΊΐΙίιϊІЇіїӀӏᎥᏞᶖ⒤ⲒⳐꙇꭵꮮ𐐛𑢣𑢲𑣃𝼚🄘🅘🅸", "i"),
        ("ȷɈɉɟʄʝͿϳЈјᎫᒍᴊ⒥ꓙꞲꭻ🄙🅙🅹", "j"),
        ("ƘƙΚκϰКкҚқᏦᛕᴋᶄ⒦ⱩⱪⲔꓗꝀꝁꝂꝃꝄꝅꞢꞣꮶ𐔘🄚🅚🅺", "k"),
        ("ĿŀŁłƚǀȴȽɫɬɭʟᒪᛁᶅℓ⒧ⱠⱡⱢⵏꓡꓲꝈꝉꞎꞭꬷꬸꬹ𐊊𐌉𐔦𖼖𖼨𝼑𝼓🄛🅛🅻", "l"),
        ("ɱΜϺМмᎷᗰᛖᴍᵯᶆ⒨ⱮⲘꓟꬺꮇ𐊰𐌑🄜🅜🅼", "m"),
        ("ƝƞȠȵɲɳɴΝηՌոռᵰᶇ⒩ⲚꓠꞐꞑꞤꞥꬻ𐔓🄝🅝🅽", "n"),
        ("ØøƆƟǾǿɔɵΌΟοσόОоӦӧՕօଠഠဝჿዐᴏᴑᶗ⒪ⱺⲞⲟⵔ〇ꓳꝊꝋꝌꝍꬽꬿ𐊒𐊫𐐄𐐬𐓂𐓪𐔖𑢵𑣈𑣗𝼛🄞🅞🅾", "o"),
        ("ƤƥΡρϱРрҎҏᏢᑭᴘᵱᵽᶈ⒫ⱣⲢⲣꓑꝐꝑꝒꝓꝔꝕꮲ𐊕🄟🅟🅿🆊", "p"),
        ("ɋʠԚԛգզ⒬ⵕꝖꝗꝘꝙꞯ🄠🅠🆀", "q"),
        ("ƦɌɍɼɽɾʀгᎡᏒᖇᴦᵲᵳᶉ⒭ⱤⲅꓣꞂꞃꞦꞧꭇꭈꭉꭋꭌꭱꮁꮢ𐒴𖼵𝼖🄡🅡🆁", "r"),
        ("ſƽȿʂЅѕՏᏕᏚᵴᶊẜ⒮ⱾꓢꜱꞄꞅꞨꞩꟅꟉꟊꮥꮪ𐊖𐐠𐑈𑣁𖼺𝼞🄢🄪🅢🆂", "s"),
        ("ŦŧƫƬƭƮȶȾʈΤτТтᎢᴛᵵ⒯ⱦⲦꓔꞆꞇꭲ𐊗𐊱𐌕𑢼𖼊𝼉🄣🅣🆃", "t"),
        ("ɄʉʋυЦцՍսሀᑌᴜᶙ⒰ꓴꞟꞸꞹꭎꭒ𐓎𐓶𑢸𑣘𖽂🄤🅤🆄", "u"),
        ("ƲνѴѵᏙᐯᴠ⒱ⱱⱴⴸꓦꛟꝞꝟꮩ𐔝𑜆𑢠𑣀𖼈🄥🅥🆅", "v"),
        ("ɯѠѡԜԝաᎳᏔᴡ⒲Ⱳⱳꓪꮃꮤ𑜊𑜎𑜏🄦🅦🆆", "w"),
        ("ΧχХхҲҳᕁᕽᚷᶍ⒳ⲬⵝꓫꞳꭖꭗꭘꭙ𐊐𐊴𐌗𐔧🄧🅧🆇", "x"),
        ("ƳƴɎɏɣʏΎΥγύϒУуҮүҰұყᎩᎽᶌỾỿ⒴Ⲩꓬꭚꭹꮍ𐊲𑢤𑣜𖽃🄨🅨🆈", "y"),
        ("ƵƶȤȥɀʐʑΖᏃᴢᵶᶎ⒵ⱫⱬⱿꓜꟆꮓ𑢩𑣄🄩🅩🆉", "z"),
        ]
        var table: [UInt32: Character] = [:]
        for (letters, latin) in pairs {
            for scalar in letters.unicodeScalars { table[scalar.value] = latin }
        }
        return table
    }()
}
