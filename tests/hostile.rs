//! Hostile article text through every output a person reads: no control,
//! escape, bidi or invisible format character from the article may reach it
//! raw (only the renderer's own color codes, when color is on), and each is
//! shown as a visible escape instead. JSON keeps the raw text: it is data.

use crate::util::wirediff;

/// Clear screen, an OSC 8 link, an OSC 0 window title, BEL, a C1 CSI, a
/// right-to-left override, a left-to-right isolate, a zero-width space and a
/// byte-order mark.
const HOSTILE: &str = "\x1b[2J\x1b]8;;http://evil.example/\x1b\\link\x1b]8;;\x1b\\\x1b]0;pwned\x07\x07\u{9b}31m\u{202e}\u{2066}\u{200b}\u{feff}";

/// Characters that must never appear raw outside JSON.
fn raw_hostile(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\x1b')
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200b}'..='\u{200f}' | '\u{2060}' | '\u{feff}')
}

/// Every ESC in `out` starts one of the renderer's own SGR codes (`ESC[…m`
/// with digits and `;` only); returns how many there were.
fn own_sgr_only(out: &str) -> usize {
    let mut n = 0;
    for (i, _) in out.match_indices('\x1b') {
        let rest = &out[i + 1..];
        let body: String = rest
            .strip_prefix('[')
            .unwrap_or_else(|| panic!("ESC not starting a CSI at byte {i}"))
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == ';')
            .collect();
        assert!(
            rest[1 + body.len()..].starts_with('m'),
            "ESC sequence other than SGR at byte {i}: {:?}",
            &rest[..rest.len().min(12)]
        );
        n += 1;
    }
    n
}

fn record(id: &str, source: &str, extra: &str) -> String {
    let h = HOSTILE;
    serde_json::json!({
        "id": format!("{id}{h}"),
        "source": format!("{source}{h}"),
        "title": format!("Harbour{h} talks {id}"),
        "url": format!("https://example.org/{h}"),
        "published": format!("2024-05-01{h}"),
        "body": format!(
            "LONDON{h} (Reuters) - The port authority{h} met union leaders on Monday{extra}.\n\n\
             \u{201c}We are close{h} to a deal,\u{201d} said Ana{h} Berg, the union chief.\n\n\
             Shipping lines{h} diverted 40 vessels."
        ),
    })
    .to_string()
}

/// Two hostile articles as files (in a folder whose name is hostile too),
/// and both as one JSONL feed.
fn fixture() -> (tempfile::TempDir, [String; 3]) {
    let dir = tempfile::tempdir().expect("temp dir");
    let sub = dir.path().join("feed\x1b[31m\u{202e}");
    std::fs::create_dir(&sub).expect("folder");
    let a = record("a", "Wire", "");
    let b = record("b", "Post", &format!(" after weeks{HOSTILE} of strikes"));
    let pa = sub.join("a.json");
    let pb = sub.join("b.json");
    let pf = sub.join("feed.jsonl");
    std::fs::write(&pa, &a).expect("write");
    std::fs::write(&pb, &b).expect("write");
    std::fs::write(&pf, format!("{a}\n{b}\n")).expect("write");
    let s = |p: &std::path::Path| p.to_string_lossy().into_owned();
    (dir, [s(&pa), s(&pb), s(&pf)])
}

fn run(args: &[&str]) -> String {
    let out = wirediff().args(args).output().expect("runs");
    assert!(out.status.success(), "{args:?}: {:?}", out);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !stderr.chars().any(raw_hostile),
        "stderr of {args:?}: {stderr:?}"
    );
    assert!(!stderr.contains('\x1b'), "stderr of {args:?}: {stderr:?}");
    String::from_utf8(out.stdout).expect("utf-8 output")
}

/// Asserts what a reader of `out` must see: nothing raw, and the escapes
/// visible.
fn assert_neutral(what: &str, out: &str, color: bool) {
    if let Some(c) = out.chars().find(|&c| raw_hostile(c)) {
        panic!("{what}: raw {c:?} in output");
    }
    let sgr = own_sgr_only(out);
    if !color {
        assert_eq!(sgr, 0, "{what}: ESC bytes with color off");
    }
    for visible in [
        "\\x1b[2J",
        "\\x1b]0;pwned\\x07",
        "\\u{202e}",
        "\\u{2066}",
        "\\u{200b}",
    ] {
        assert!(out.contains(visible), "{what}: {visible} not shown");
    }
}

#[test]
fn compare_shows_every_hostile_character_escaped_in_every_format_and_layout() {
    let (_dir, [a, b, _]) = fixture();
    for layout in ["inline", "side-by-side"] {
        for color in ["never", "always"] {
            for width in ["80", "33"] {
                let args = [
                    "compare", &a, &b, "--layout", layout, "--color", color, "--width", width,
                ];
                let out = run(&args);
                assert_neutral(&format!("{args:?}"), &out, color == "always");
            }
        }
    }
    let html = run(&["compare", &a, &b, "--format", "html"]);
    assert_neutral("html", &html, false);
    assert!(html.contains("Content-Security-Policy"));
    // The diff tokens and the quote words are article text too.
    assert!(
        html.contains("<ins>after weeks\\x1b[2J"),
        "diff token shown"
    );
}

#[test]
fn listings_and_the_dedup_table_show_hostile_text_escaped() {
    let (_dir, [a, b, feed]) = fixture();
    for cmd in ["sentences", "quotes"] {
        let out = run(&[cmd, &a, &b]);
        assert_neutral(cmd, &out, false);
    }
    let out = run(&["dedup", &feed]);
    assert_neutral("dedup", &out, false);
    assert!(out.contains("cluster"), "{out}");
}

#[test]
fn json_keeps_the_raw_text_as_data() {
    let (_dir, [a, b, _]) = fixture();
    let out = run(&["compare", &a, &b, "--format", "json"]);
    assert!(!out.contains('\x1b'), "serde escapes controls");
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    let title = v["articles"][0]["title"].as_str().expect("title");
    assert_eq!(title, format!("Harbour{HOSTILE} talks a"));
}

/// The XSS payloads of tests/data/xss-payloads.txt in every text field:
/// the page holds them as text only (no element or attribute of theirs).
#[test]
fn xss_payloads_are_text_in_the_page() {
    let list = std::fs::read_to_string(crate::util::root().join("tests/data/xss-payloads.txt"))
        .expect("payload list");
    let payloads: Vec<String> = list
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.replace("MARK", "window.__pwned=1"))
        .collect();
    assert!(payloads.len() >= 30);
    let all = payloads.join(" ");
    let dir = tempfile::tempdir().expect("temp dir");
    let record = |side: &str, extra: &str| {
        let body: Vec<String> = payloads
            .iter()
            .map(|p| format!("The council said {extra}{p} today.\n\n\u{201c}We will not sign {p},\u{201d} said Ana Berg."))
            .collect();
        serde_json::json!({
            "id": format!("{side}{all}"), "source": all, "title": all, "url": all,
            "published": all, "body": body.join("\n\n"),
        })
        .to_string()
    };
    let a = dir.path().join("a.json");
    let b = dir.path().join("b.json");
    std::fs::write(&a, record("a", "")).expect("write");
    std::fs::write(&b, record("b", "again ")).expect("write");
    let page = run(&[
        "compare",
        &a.to_string_lossy(),
        &b.to_string_lossy(),
        "--format",
        "html",
    ]);
    let lower = page.to_ascii_lowercase();
    for tag in [
        "<script",
        "<img",
        "<svg",
        "<iframe",
        "<body onload",
        "<object",
        "<embed",
        "<base",
        "<link",
        "<details",
        "<input",
        "<math",
        "<noscript",
        "<template",
        "<video",
        "<audio",
        "<marquee",
    ] {
        assert!(!lower.contains(tag), "{tag} in the page");
    }
    // No tag of the page carries an event handler or a javascript: URL.
    let tag = regex::Regex::new(r"<[^>]*>").expect("regex");
    let handler = regex::Regex::new(r"\son[a-z]+\s*=|javascript:").expect("regex");
    for t in tag.find_iter(&lower) {
        assert!(!handler.is_match(t.as_str()), "{}", t.as_str());
    }
    assert!(
        page.contains("&lt;img src=x onerror=window.__pwned=1&gt;"),
        "payload shown"
    );
}

/// The payloads in headless Chromium (scripts/check_html_chromium.py):
/// no script runs, with or without the page's CSP. Skipped, saying so,
/// where Chromium or Python is not installed.
#[test]
fn no_script_runs_in_chromium() {
    let chromium = std::path::Path::new("/usr/bin/chromium");
    let python = std::process::Command::new("python3")
        .arg("--version")
        .output();
    if !chromium.exists() || python.is_err() {
        eprintln!("skipped: /usr/bin/chromium or python3 is not installed");
        return;
    }
    let bin = assert_cmd::cargo::cargo_bin("wirediff");
    let out = std::process::Command::new("python3")
        .arg(crate::util::root().join("scripts/check_html_chromium.py"))
        .arg(&bin)
        .output()
        .expect("runs the check");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("scripts run: 0"), "{stdout}");
    assert!(stdout.contains("control page: script seen"), "{stdout}");
}
