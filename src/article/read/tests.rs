//! Reading's unit tests: encodings, formats and the errors each input gives.

use super::*;

fn load(name: &str, bytes: &[u8], format: Format) -> Result<Loaded> {
    let mut l = Loaded::default();
    let path = Path::new(name);
    read_bytes(path, &derive_id(path), bytes, format, &mut l).map(|_| l)
}

#[test]
fn crlf_bom_and_title() {
    let l = load(
        "a.txt",
        b"\xEF\xBB\xBFTitle\r\n\r\nBody one.\r\n\r\nBody two.\r\n",
        Format::Text,
    )
    .unwrap();
    let a = &l.articles[0];
    assert_eq!(a.title, "Title");
    assert_eq!(a.text, "Body one.\n\nBody two.");
    assert_eq!(a.paragraphs.len(), 2);
    assert!(l.warnings.is_empty());
}

#[test]
fn windows_1252_is_decoded_with_a_warning() {
    let l = load("a.txt", b"Caf\xe9\n\nIt said \x93hi\x94.", Format::Text).unwrap();
    assert_eq!(l.articles[0].title, "Café");
    assert_eq!(l.articles[0].text, "It said \u{201c}hi\u{201d}.");
    assert_eq!(l.warnings.len(), 1);
    assert!(l.warnings[0].contains("a.txt"));
}

#[test]
fn nul_byte_is_binary() {
    let e = load("x.bin", b"abc\0def", Format::Text).unwrap_err();
    assert!(e.to_string().contains("binary"), "{e}");
}

fn utf16(text: &str, big_endian: bool, bom: bool) -> Vec<u8> {
    let mut out = Vec::new();
    if bom {
        out.extend(if big_endian {
            [0xFE, 0xFF]
        } else {
            [0xFF, 0xFE]
        });
    }
    for u in text.encode_utf16() {
        out.extend(if big_endian {
            u.to_be_bytes()
        } else {
            u.to_le_bytes()
        });
    }
    out
}

#[test]
fn utf16_is_decoded_with_one_warning() {
    let text =
        "Ferry fares rise\r\n\r\nThe operator said \u{201c}fuel costs\u{201d} drove the rise.";
    for (be, bom, name) in [
        (false, true, "UTF-16LE (byte-order mark)"),
        (true, true, "UTF-16BE (byte-order mark)"),
        (false, false, "UTF-16LE without"),
        (true, false, "UTF-16BE without"),
    ] {
        let l = load("w.txt", &utf16(text, be, bom), Format::Text).unwrap();
        let a = &l.articles[0];
        assert_eq!(a.title, "Ferry fares rise");
        assert_eq!(
            a.text,
            "The operator said \u{201c}fuel costs\u{201d} drove the rise."
        );
        assert_eq!(l.warnings.len(), 1, "{:?}", l.warnings);
        assert!(
            l.warnings[0].starts_with("w.txt: read as ") && l.warnings[0].contains(name),
            "{:?}",
            l.warnings
        );
    }
    let json = utf16("{\"id\": \"k\", \"body\": \"Tolls go up.\"}", false, true);
    let l = load("w.json", &json, Format::Sniff).unwrap();
    assert_eq!(l.articles[0].id, "k");
}

#[test]
fn a_nul_character_in_utf16_is_text_not_binary() {
    let l = load(
        "n.txt",
        &utf16("Title\n\nA\0B went on.", false, true),
        Format::Text,
    )
    .unwrap();
    assert_eq!(l.articles[0].text, "A\0B went on.");
}

#[test]
fn zero_bytes_that_are_not_utf16_are_binary() {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0";
    assert!(matches!(
        load("p.png", png, Format::Text),
        Err(Error::Binary { offset: 8, .. })
    ));
    let e = load("u.txt", b"\xFF\xFE\0\0T\0\0\0", Format::Text).unwrap_err();
    assert!(e.to_string().contains("UTF-32"), "{e}");
}

#[test]
fn jsonl_errors_name_the_line() {
    let e = load(
        "c.jsonl",
        b"{\"id\":\"1\",\"body\":\"x.\"}\n{\"id\":2}\n",
        Format::Jsonl,
    )
    .unwrap_err();
    assert_eq!(e.to_string(), "c.jsonl:2: record has no `body` field");
    let e = load("c.jsonl", b"{\"body\":\"x.\"}\nnot json\n", Format::Jsonl).unwrap_err();
    assert!(
        e.to_string().starts_with("c.jsonl:2: not valid JSON"),
        "{e}"
    );
    let e = load("c.json", b"{\"body\": 5}", Format::Json).unwrap_err();
    assert_eq!(
        e.to_string(),
        "c.json: field `body` must be a string, found a number"
    );
}

#[test]
fn stdin_is_sniffed() {
    let l = load(
        "-",
        b"{\"id\":\"a\",\"body\":\"One.\"}\n{\"id\":\"b\",\"body\":\"Two.\"}\n",
        Format::Sniff,
    )
    .unwrap();
    assert_eq!(l.articles.len(), 2);
    assert_eq!(l.articles[1].id, "b");
    let l = load("-", b"Title\n\nBody.", Format::Sniff).unwrap();
    assert_eq!(l.articles[0].title, "Title");
}

#[test]
fn whitespace_only_is_empty() {
    assert!(matches!(
        load("e.txt", b" \n\t\n", Format::Text),
        Err(Error::Empty { .. })
    ));
}
