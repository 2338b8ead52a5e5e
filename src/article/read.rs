//! Reading inputs: plain text, a JSON object (or array of objects), JSONL,
//! standard input, and folders of such files.

use super::{paragraphs, wire, Article};
use crate::error::{Error, Result};
use serde_json::Value;
use std::borrow::Cow;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Where articles come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A file or a folder.
    Path(PathBuf),
    /// Standard input (`-`).
    Stdin,
}

impl Input {
    /// `-` means standard input; anything else is a path.
    pub fn parse(arg: &str) -> Input {
        if arg == "-" {
            Input::Stdin
        } else {
            Input::Path(PathBuf::from(arg))
        }
    }

    fn name(&self) -> PathBuf {
        match self {
            Input::Path(p) => p.clone(),
            Input::Stdin => PathBuf::from("-"),
        }
    }
}

/// Articles read from one or more inputs, with the warnings met on the way
/// (the library never prints; the binary shows them).
#[derive(Debug, Default)]
pub struct Loaded {
    /// The articles, in input order (folders sorted by file name).
    pub articles: Vec<Article>,
    /// One line each, naming the input: for example a file decoded as
    /// Windows-1252 because it was not valid UTF-8.
    pub warnings: Vec<String>,
}

/// Reads every input in order. Folders yield every `.txt`, `.json` and
/// `.jsonl` file below them, sorted by path.
pub fn read_inputs(inputs: &[Input]) -> Result<Loaded> {
    let mut loaded = Loaded::default();
    for input in inputs {
        read_input(input, &mut loaded)?;
    }
    Ok(loaded)
}

/// Reads one input into `loaded`.
pub fn read_input(input: &Input, loaded: &mut Loaded) -> Result<()> {
    match input {
        Input::Stdin => {
            let mut bytes = Vec::new();
            std::io::stdin()
                .lock()
                .read_to_end(&mut bytes)
                .map_err(|source| Error::Io {
                    path: input.name(),
                    source,
                })?;
            read_bytes(Path::new("-"), "-", &bytes, Format::Sniff, loaded)
        }
        Input::Path(path) => {
            if path.is_dir() {
                let mut files = Vec::new();
                collect_folder(path, &mut files)?;
                if files.is_empty() {
                    return Err(Error::NotFound {
                        path: path.clone(),
                        message: "folder holds no .txt, .json or .jsonl file".into(),
                    });
                }
                for f in files {
                    read_file_as(&f, &folder_stem(path, &f), loaded)?;
                }
                Ok(())
            } else {
                read_file(path, loaded)
            }
        }
    }
}

/// Reads one input named on the command line, where `FILE#id` (for JSON and
/// JSONL files) or `FOLDER#id` picks the article with that id, as `dedup`
/// reports pairs (for a folder, ids it derived name the file below the
/// folder: `FOLDER#2024/03/story`).
pub fn read_reference(arg: &str, loaded: &mut Loaded) -> Result<()> {
    if arg != "-" && !Path::new(arg).exists() {
        if let Some((file, id)) = arg.rsplit_once('#') {
            if Path::new(file).exists() {
                let mut all = Loaded::default();
                read_input(&Input::Path(file.into()), &mut all)?;
                loaded.warnings.append(&mut all.warnings);
                let found = pick(&mut all.articles, id).ok_or_else(|| Error::NotFound {
                    path: file.into(),
                    message: format!("no article with id `{id}`"),
                })?;
                loaded.articles.push(found);
                return Ok(());
            }
        }
    }
    read_input(&Input::parse(arg), loaded)
}

/// Removes and returns the article with id `id`.
pub fn pick(articles: &mut Vec<Article>, id: &str) -> Option<Article> {
    let k = articles.iter().position(|a| a.id == id)?;
    Some(articles.swap_remove(k))
}

/// Reads one file as an article (or articles, for JSON and JSONL). A folder
/// given here is an error: callers that accept folders use [`read_input`].
/// Articles without an id are named after the file's stem.
pub fn read_file(path: &Path, loaded: &mut Loaded) -> Result<()> {
    read_file_as(path, &derive_id(path), loaded)
}

/// [`read_file`] with `stem` for the ids it derives (see [`folder_stem`]).
pub fn read_file_as(path: &Path, stem: &str, loaded: &mut Loaded) -> Result<()> {
    if path.is_dir() {
        return Err(Error::IsDirectory { path: path.into() });
    }
    let (mut file, fifo) = open_file(path)?;
    let mut bytes = Vec::new();
    file.read_to_end(&mut bytes).map_err(|source| Error::Io {
        path: path.into(),
        source,
    })?;
    if fifo && bytes.is_empty() {
        return Err(empty_fifo(path));
    }
    let format = match path.extension().and_then(|e| e.to_str()) {
        Some(e) if e.eq_ignore_ascii_case("jsonl") || e.eq_ignore_ascii_case("ndjson") => {
            Format::Jsonl
        }
        Some(e) if e.eq_ignore_ascii_case("json") => Format::Json,
        _ => Format::Text,
    };
    read_bytes(path, stem, &bytes, format, loaded)
}

/// The error for a FIFO that gave nothing: nobody writes to it, which is a
/// mistake to name rather than an empty input.
pub(crate) fn empty_fifo(path: &Path) -> Error {
    Error::NotReadable {
        path: path.into(),
        message: "a FIFO with no writer (nothing to read)".into(),
    }
}

/// Opens an input file for reading; the flag says it is a FIFO (a named or
/// anonymous pipe, as `<(command)` gives). Opening a FIFO waits for a writer,
/// forever if none comes, so it is opened without waiting and then read as
/// usual: a FIFO nobody writes to reads as nothing. Devices and sockets are
/// refused: `/dev/zero` never ends and a terminal waits for typing.
pub fn open_file(path: &Path) -> Result<(std::fs::File, bool)> {
    let io = |source| Error::Io {
        path: path.into(),
        source,
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};
        use std::os::unix::io::AsRawFd;
        let file = std::fs::OpenOptions::new()
            .read(true)
            .custom_flags(libc::O_NONBLOCK)
            .open(path)
            .map_err(io)?;
        let kind = file.metadata().map_err(io)?.file_type();
        let refused = if kind.is_char_device() {
            Some("a character device")
        } else if kind.is_block_device() {
            Some("a block device")
        } else if kind.is_socket() {
            Some("a socket")
        } else {
            None
        };
        if let Some(what) = refused {
            return Err(Error::NotReadable {
                path: path.into(),
                message: format!("is {what}, not an article file"),
            });
        }
        // Reads block again, so a writer that is slow is waited for.
        // SAFETY: fcntl on a file descriptor this function owns, with
        // integer arguments only.
        let fd = file.as_raw_fd();
        let cleared = unsafe {
            let flags = libc::fcntl(fd, libc::F_GETFL);
            flags >= 0 && libc::fcntl(fd, libc::F_SETFL, flags & !libc::O_NONBLOCK) >= 0
        };
        if !cleared {
            return Err(io(std::io::Error::last_os_error()));
        }
        Ok((file, kind.is_fifo()))
    }
    #[cfg(not(unix))]
    {
        Ok((std::fs::File::open(path).map_err(io)?, false))
    }
}

/// The name a file found in folder `root` gives the articles without an
/// id: its path below the folder without the extension, `/` between the
/// parts (`2024/03/story` for `root/2024/03/story.txt`). Archives keep many
/// `story.txt` in dated folders; the file's stem alone would give them all
/// one id. A file right in the folder keeps its stem.
pub fn folder_stem(root: &Path, file: &Path) -> String {
    let Ok(rel) = file.strip_prefix(root) else {
        return derive_id(file);
    };
    let mut parts: Vec<String> = rel
        .parent()
        .into_iter()
        .flat_map(|p| p.components())
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    parts.push(derive_id(rel));
    parts.join("/")
}

/// Every `.txt`, `.json`, `.jsonl` and `.ndjson` file below `dir`, sorted by
/// path. Symbolic links are followed, but each real folder and each real file
/// is taken once: a link back up the tree (a loop) or a second route to the
/// same file adds nothing.
pub fn collect_folder(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    let mut seen = std::collections::HashSet::new();
    if let Ok(real) = dir.canonicalize() {
        seen.insert(real);
    }
    walk_folder(dir, &mut seen, out)
}

fn walk_folder(
    dir: &Path,
    seen: &mut std::collections::HashSet<PathBuf>,
    out: &mut Vec<PathBuf>,
) -> Result<()> {
    let entries = std::fs::read_dir(dir).map_err(|source| Error::Io {
        path: dir.into(),
        source,
    })?;
    let mut paths: Vec<PathBuf> = Vec::new();
    for e in entries {
        let e = e.map_err(|source| Error::Io {
            path: dir.into(),
            source,
        })?;
        paths.push(e.path());
    }
    paths.sort();
    for p in paths {
        let wanted = p.is_dir()
            || matches!(
                p.extension()
                    .and_then(|e| e.to_str())
                    .map(|e| e.to_ascii_lowercase())
                    .as_deref(),
                Some("txt" | "json" | "jsonl" | "ndjson")
            );
        if !wanted {
            continue;
        }
        // A link that leads nowhere (or in a circle) is read, and its error
        // names it; one that leads somewhere already taken is skipped.
        if let Ok(real) = p.canonicalize() {
            if !seen.insert(real) {
                continue;
            }
        }
        if p.is_dir() {
            walk_folder(&p, seen, out)?;
        } else {
            out.push(p);
        }
    }
    Ok(())
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Text,
    Json,
    Jsonl,
    /// Standard input: JSON when it opens with `{` or `[`, else plain text.
    Sniff,
}

fn read_bytes(
    path: &Path,
    stem: &str,
    bytes: &[u8],
    format: Format,
    loaded: &mut Loaded,
) -> Result<()> {
    let text = decode(path, bytes, &mut loaded.warnings)?;
    let text = normalize_newlines(&text);
    let format = match format {
        Format::Sniff => match text.trim_start().chars().next() {
            Some('{') => {
                // One object over several lines is JSON; one object a line is JSONL.
                if serde_json::from_str::<Value>(text.trim()).is_ok() {
                    Format::Json
                } else {
                    Format::Jsonl
                }
            }
            Some('[') => Format::Json,
            _ => Format::Text,
        },
        f => f,
    };
    match format {
        Format::Text => {
            let article = from_plain_text(path, stem, &text)?;
            loaded.articles.push(article);
        }
        Format::Json => {
            let value: Value = strict_json(&text).map_err(|e| Error::Record {
                path: path.into(),
                line: Some(e.line()),
                message: format!("not valid JSON: {}", strip_position(&e)),
            })?;
            match value {
                Value::Array(items) => {
                    if items.is_empty() {
                        return Err(Error::Empty { path: path.into() });
                    }
                    for (i, item) in items.into_iter().enumerate() {
                        let a = from_record(path, stem, None, Some(i), item)?;
                        loaded.articles.push(a);
                    }
                }
                other => loaded
                    .articles
                    .push(from_record(path, stem, None, None, other)?),
            }
        }
        Format::Jsonl | Format::Sniff => {
            let before = loaded.articles.len();
            for (i, line) in text.lines().enumerate() {
                if line.trim().is_empty() {
                    continue;
                }
                let value: Value = strict_json(line).map_err(|e| Error::Record {
                    path: path.into(),
                    line: Some(i + 1),
                    message: format!("not valid JSON: {}", strip_position(&e)),
                })?;
                loaded
                    .articles
                    .push(from_record(path, stem, Some(i + 1), None, value)?);
            }
            if loaded.articles.len() == before {
                return Err(Error::Empty { path: path.into() });
            }
        }
    }
    Ok(())
}

/// Reads one line of a JSONL stream (1-based `line`) as an article, with the
/// same decoding and the same messages as a whole JSONL file: streaming
/// readers call this once per line as the line arrives. A blank line gives
/// `Ok(None)`. `stem` names records without an id (with the line number).
pub fn jsonl_line(
    path: &Path,
    stem: &str,
    line: usize,
    bytes: &[u8],
    warnings: &mut Vec<String>,
) -> Result<Option<Article>> {
    let text = decode_borrowed(path, bytes, warnings)?;
    if text.trim().is_empty() {
        return Ok(None);
    }
    let value: Value = strict_json(&text).map_err(|e| Error::Record {
        path: path.into(),
        line: Some(line),
        message: format!("not valid JSON: {}", strip_position(&e)),
    })?;
    from_record(path, stem, Some(line), None, value).map(Some)
}

/// Parses JSON, refusing an object with the same key twice. serde_json
/// would keep the last value silently, and which of two titles or bodies a
/// feed meant cannot be known: such a record is an error, named by its key.
fn strict_json(text: &str) -> serde_json::Result<Value> {
    use serde::Deserialize;
    let mut de = serde_json::Deserializer::from_str(text);
    let value = Strict::deserialize(&mut de)?.0;
    de.end()?;
    Ok(value)
}

/// A JSON value read by [`strict_json`].
struct Strict(Value);

impl<'de> serde::Deserialize<'de> for Strict {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Strict, D::Error> {
        d.deserialize_any(StrictVisitor).map(Strict)
    }
}

struct StrictVisitor;

impl<'de> serde::de::Visitor<'de> for StrictVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> std::result::Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> std::result::Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_u64<E>(self, v: u64) -> std::result::Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_f64<E>(self, v: f64) -> std::result::Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_str<E>(self, v: &str) -> std::result::Result<Value, E> {
        Ok(Value::String(v.to_string()))
    }
    fn visit_string<E>(self, v: String) -> std::result::Result<Value, E> {
        Ok(Value::String(v))
    }
    fn visit_unit<E>(self) -> std::result::Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(
        self,
        mut seq: A,
    ) -> std::result::Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(Strict(v)) = seq.next_element()? {
            items.push(v);
        }
        Ok(Value::Array(items))
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(
        self,
        mut map: A,
    ) -> std::result::Result<Value, A::Error> {
        let mut object = serde_json::Map::new();
        while let Some(key) = map.next_key::<String>()? {
            let Strict(v) = map.next_value()?;
            if object.contains_key(&key) {
                return Err(serde::de::Error::custom(format_args!(
                    "duplicate key `{key}`"
                )));
            }
            object.insert(key, v);
        }
        Ok(Value::Object(object))
    }
}

/// serde_json appends "at line 1 column 5"; the line is reported separately.
fn strip_position(e: &serde_json::Error) -> String {
    let s = e.to_string();
    match s.rfind(" at line ") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

/// Which UTF-16 the bytes are, if they are UTF-16: by byte-order mark, or,
/// without one, by where the zero bytes fall. Text in Latin script (and
/// JSON's punctuation) encoded as UTF-16 has a zero high byte in nearly every
/// code unit, so every other byte is NUL and the bytes between are not;
/// binary data has its zero bytes anywhere. Returns the encoding, the length
/// of its mark (0 when sniffed) and the words for the warning.
pub(crate) fn utf16_of(
    bytes: &[u8],
) -> Option<(&'static encoding_rs::Encoding, usize, &'static str)> {
    use encoding_rs::{UTF_16BE, UTF_16LE};
    if bytes.starts_with(b"\xFF\xFE") {
        return Some((UTF_16LE, 2, "UTF-16LE (byte-order mark)"));
    }
    if bytes.starts_with(b"\xFE\xFF") {
        return Some((UTF_16BE, 2, "UTF-16BE (byte-order mark)"));
    }
    // A sample is enough: the pattern holds from the first line.
    let sample = bytes.get(..bytes.len().min(4096) & !1).unwrap_or(&[]);
    let units = sample.len() / 2;
    if units < 2 {
        return None;
    }
    let zeros = |k: usize| {
        sample
            .iter()
            .skip(k)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let (even, odd) = (zeros(0), zeros(1));
    // At least half the code units are ASCII, and no ASCII unit is
    // misaligned: that is UTF-16 of a Latin-script text, not binary.
    if odd * 2 >= units && even == 0 {
        Some((
            UTF_16LE,
            0,
            "UTF-16LE without a byte-order mark (NUL at every other byte)",
        ))
    } else if even * 2 >= units && odd == 0 {
        Some((
            UTF_16BE,
            0,
            "UTF-16BE without a byte-order mark (NUL at every other byte)",
        ))
    } else {
        None
    }
}

/// Decodes UTF-16 found by [`utf16_of`], with one warning line saying so.
/// Unpaired surrogates become U+FFFD, and the warning says that too.
fn decode_utf16(
    path: &Path,
    bytes: &[u8],
    (encoding, bom, how): (&'static encoding_rs::Encoding, usize, &'static str),
    warnings: &mut Vec<String>,
) -> Result<String> {
    let body = bytes.get(bom..).unwrap_or(&[]);
    let (text, bad) = encoding.decode_without_bom_handling(body);
    // A mark-less guess must give text: a NUL character left in it means the
    // zero bytes were not UTF-16's.
    if bom == 0 && (bad || text.contains('\0')) {
        let offset = bytes.iter().position(|&b| b == 0).unwrap_or(0);
        return Err(Error::Binary {
            path: path.into(),
            offset,
        });
    }
    let odd = if body.len() % 2 == 1 {
        " (odd length: the last byte dropped)"
    } else {
        ""
    };
    let replaced = if bad && odd.is_empty() {
        " (malformed code units shown as U+FFFD)"
    } else {
        ""
    };
    warnings.push(format!("{}: read as {how}{odd}{replaced}", path.display()));
    Ok(text.into_owned())
}

/// UTF-8 (a BOM is dropped), else UTF-16 (with a byte-order mark, or
/// recognised by its NUL bytes), else Windows-1252; every decoding but UTF-8
/// with one warning. Other NUL bytes mean binary data and are an error.
pub(crate) fn decode(path: &Path, bytes: &[u8], warnings: &mut Vec<String>) -> Result<String> {
    decode_borrowed(path, bytes, warnings).map(Cow::into_owned)
}

/// [`decode`], borrowing `bytes` when they are UTF-8 already (a JSONL line
/// is parsed in place, not copied first).
fn decode_borrowed<'b>(
    path: &Path,
    bytes: &'b [u8],
    warnings: &mut Vec<String>,
) -> Result<Cow<'b, str>> {
    if bytes.starts_with(b"\xFF\xFE\0\0") {
        return Err(Error::Record {
            path: path.into(),
            line: None,
            message:
                "UTF-32 text (byte-order mark FF FE 00 00) is not supported; convert it to UTF-8"
                    .into(),
        });
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let nul = memchr::memchr(0, bytes);
    // Without a NUL byte only a byte-order mark makes UTF-16: the sample of
    // `utf16_of` (two passes over 4 kB, a fiftieth of a dedup run) is read
    // only when it can decide.
    let bom = bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF");
    if bom || nul.is_some() {
        if let Some(found) = utf16_of(bytes).filter(|&(_, bom, _)| bom > 0 || nul.is_some()) {
            return decode_utf16(path, bytes, found, warnings).map(Cow::Owned);
        }
    }
    if let Some(offset) = nul {
        return Err(Error::Binary {
            path: path.into(),
            offset,
        });
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(Cow::Borrowed(s)),
        Err(e) => {
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            warnings.push(format!(
                "{}: not valid UTF-8 (first bad byte at offset {}); read as Windows-1252",
                path.display(),
                e.valid_up_to()
            ));
            Ok(Cow::Owned(text.into_owned()))
        }
    }
}

/// CRLF and lone CR become LF, so offsets and paragraphs mean one thing.
fn normalize_newlines(text: &str) -> String {
    if !text.contains('\r') {
        return text.to_string();
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// A plain-text article: the first non-empty line is the title, the rest the
/// body. A file of one line is its own body too.
fn from_plain_text(path: &Path, stem: &str, text: &str) -> Result<Article> {
    let trimmed = text.trim_start();
    if trimmed.trim().is_empty() {
        return Err(Error::Empty { path: path.into() });
    }
    let (title, rest) = match trimmed.split_once('\n') {
        Some((t, r)) => (t.trim(), r),
        None => (trimmed.trim(), ""),
    };
    let body = if rest.trim().is_empty() { title } else { rest };
    let name = path.to_string_lossy().into_owned();
    Ok(build(Article {
        id: stem.to_string(),
        path: name,
        title: title.to_string(),
        text: body.trim().to_string(),
        ..Default::default()
    }))
}

/// `normalize_newlines(text).trim()`, copied once.
fn trimmed_text(text: &str) -> String {
    if text.contains('\r') {
        normalize_newlines(text).trim().to_string()
    } else {
        text.trim().to_string()
    }
}

/// The name of articles without an id read from `path`: the file's stem.
pub fn derive_id(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.to_string_lossy().into_owned())
}

/// One JSON object in the input shape `{id, source, title, body, url, published}`.
fn from_record(
    path: &Path,
    stem: &str,
    line: Option<usize>,
    index: Option<usize>,
    value: Value,
) -> Result<Article> {
    let err = |message: String| Error::Record {
        path: path.into(),
        line,
        message,
    };
    let obj = match value {
        Value::Object(o) => o,
        other => {
            return Err(err(format!(
                "expected a JSON object, found {}",
                json_kind(&other)
            )))
        }
    };
    let field = |name: &str| -> Result<Option<String>> {
        match obj.get(name) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(other) => Err(err(format!(
                "field `{name}` must be a string, found {}",
                json_kind(other)
            ))),
        }
    };
    let id = match obj.get("id") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(s.clone()),
        Some(Value::Number(n)) => Some(n.to_string()),
        Some(other) => {
            return Err(err(format!(
                "field `id` must be a string or number, found {}",
                json_kind(other)
            )))
        }
    };
    let body = match obj.get("body") {
        Some(Value::String(b)) => b.as_str(),
        // Absent or null, or not a string: the error `field` names.
        _ => {
            return Err(field("body")
                .err()
                .unwrap_or_else(|| err("record has no `body` field".into())))
        }
    };
    // One copy of the body, trimmed and with its newlines made LF (it was
    // three copies a record).
    let body = trimmed_text(body);
    if body.is_empty() {
        return Err(err("`body` is empty".into()));
    }
    let id = id.unwrap_or_else(|| match (line, index) {
        (Some(l), _) => format!("{stem}:{l}"),
        (None, Some(i)) => format!("{stem}:{i}"),
        (None, None) => stem.to_string(),
    });
    let shown = if line.is_some() || index.is_some() {
        format!("{}#{}", path.display(), id)
    } else {
        path.to_string_lossy().into_owned()
    };
    Ok(build(Article {
        path: shown,
        id,
        source: field("source")?.filter(|s| !s.trim().is_empty()),
        title: field("title")?.unwrap_or_default().trim().to_string(),
        url: field("url")?,
        published: field("published")?,
        text: body,
        ..Default::default()
    }))
}

fn json_kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Paragraphs and wire metadata, found in the text.
fn build(mut a: Article) -> Article {
    a.paragraphs = paragraphs(&a.text);
    wire::detect_wire(&mut a);
    a
}

/// Reads articles from bytes in memory, sniffing the format as for standard
/// input (JSON or JSONL when it opens with `{` or `[`, else plain text).
pub fn read_bytes_sniffed(name: &str, bytes: &[u8]) -> Result<Loaded> {
    let mut loaded = Loaded::default();
    let path = Path::new(name);
    read_bytes(path, &derive_id(path), bytes, Format::Sniff, &mut loaded)?;
    Ok(loaded)
}

/// Reads one article from a string, as plain text (for tests, examples and
/// the library's users).
pub fn article_from_text(name: &str, text: &str) -> Result<Article> {
    let path = Path::new(name);
    from_plain_text(path, &derive_id(path), &normalize_newlines(text))
}

#[cfg(test)]
mod tests;
