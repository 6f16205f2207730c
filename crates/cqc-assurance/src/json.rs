//! Reading the timeline and workbook documents: JSON text parsed once into a
//! [`serde_json::Value`] (a key given twice is an error, and a syntax error carries the path
//! where it happened), then read field by field with the path of every bad field.
//!
//! Every document is read this way: assessments, probability documents, timelines and their
//! profiles, working calendars, election calendars, workbooks. Reading them with
//! `#[derive(Deserialize)]` structs wrapped in `serde_path_to_error` gives the same paths, but
//! compiles a deserializer per struct and per input type (which made the WebAssembly modules of
//! the npm package tens of kilobytes bigger than their budget), names Rust types in its
//! messages (`expected struct RawDocument`), and takes a list for a struct. Here there is one
//! parser and a handful of readers.
//!
//! Messages follow serde's wording (`invalid type: integer `3`, expected a string`,
//! `unknown field `x`, expected `a` or `b``), without the line and column that serde adds to a
//! type error (the path says where). A `null` optional field is the same as an absent one; a
//! `null` required field is an `invalid type` at the field, an absent one a `missing field` at
//! its object.

use std::cell::RefCell;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

use crate::error::{join_path, Error, Result};

/// Parses a JSON document. Errors are [`Error::InvalidJson`]: syntax errors at the path of the
/// value being read (`.` for the document itself), a key given twice in one object at the
/// path of the second, and characters after the document.
pub(crate) fn parse(text: &str) -> Result<Value> {
    parse_naming_duplicates(text, &|_, _, _| None)
}

/// How a document names a key given twice: `(path of the object, key, path of the second)`
/// to the error to report, or `None` for the parser's own (`the key `k` is given twice`).
pub(crate) type DuplicateKey<'f> = &'f dyn Fn(&str, &str, &str) -> Option<Error>;

/// As [`parse`], with the document's own error for a key given twice (an assessment's
/// statement given twice is `duplicate_statement`, whether under two names or one).
pub(crate) fn parse_naming_duplicates(text: &str, duplicate: DuplicateKey<'_>) -> Result<Value> {
    let failed = RefCell::new(None);
    let named = RefCell::new(None);
    let mut de = serde_json::Deserializer::from_str(text);
    let parsed = Node {
        parent: None,
        segment: Segment::Root,
        failed: &failed,
        duplicate: (duplicate, &named),
    }
    .deserialize(&mut de)
    .and_then(|v| de.end().map(|()| v));
    if let Some(e) = named.into_inner() {
        return Err(e);
    }
    parsed.map_err(|e| Error::InvalidJson {
        path: failed
            .into_inner()
            .filter(|p: &String| !p.is_empty())
            .unwrap_or_else(|| ".".into()),
        message: format!(
            "{e}{}",
            if e.is_syntax() || e.is_eof() {
                crate::error::syntax_hint(text)
            } else {
                ""
            }
        ),
    })
}

/// Where a value sits in its parent.
#[derive(Clone, Copy)]
enum Segment<'a> {
    Root,
    Key(&'a str),
    Index(usize),
}

/// One value being parsed: where it sits (its path is only written out when something fails,
/// so a good document costs no path strings), and where the first failure was recorded (the
/// innermost value that failed records its path first; the values around it keep it).
struct Node<'a> {
    parent: Option<&'a Node<'a>>,
    segment: Segment<'a>,
    failed: &'a RefCell<Option<String>>,
    /// The document's name for a key given twice, and the error it gave.
    duplicate: (DuplicateKey<'a>, &'a RefCell<Option<Error>>),
}

impl Node<'_> {
    fn path(&self) -> String {
        let parent = || self.parent.map(Node::path).unwrap_or_default();
        match self.segment {
            Segment::Root => String::new(),
            Segment::Key(key) => join_path(&parent(), key),
            Segment::Index(i) => format!("{}[{i}]", parent()),
        }
    }

    fn child<'b>(&'b self, segment: Segment<'b>) -> Node<'b> {
        Node {
            parent: Some(self),
            segment,
            failed: self.failed,
            duplicate: self.duplicate,
        }
    }

    fn record(&self) {
        let mut failed = self.failed.borrow_mut();
        if failed.is_none() {
            *failed = Some(self.path());
        }
    }
}

impl<'de> DeserializeSeed<'de> for Node<'_> {
    type Value = Value;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> std::result::Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Node<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
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
        // JSON text has no NaN or infinity; serde_json rejects numbers out of range.
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

    fn visit_none<E>(self) -> std::result::Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> std::result::Result<Value, A::Error> {
        let mut items = Vec::new();
        loop {
            let at = Segment::Index(items.len());
            match seq.next_element_seed(self.child(at)) {
                Ok(Some(v)) => items.push(v),
                Ok(None) => return Ok(Value::Array(items)),
                Err(e) => {
                    self.child(at).record();
                    return Err(e);
                }
            }
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> std::result::Result<Value, A::Error> {
        let mut out = Map::new();
        loop {
            let key = match map.next_key::<String>() {
                Ok(Some(k)) => k,
                Ok(None) => return Ok(Value::Object(out)),
                Err(e) => {
                    self.record();
                    return Err(e);
                }
            };
            // One look-up per key (the map hashes its keys to keep their order).
            match out.entry(key) {
                serde_json::map::Entry::Occupied(taken) => {
                    let at = self.child(Segment::Key(taken.key()));
                    at.record();
                    let (name, named) = self.duplicate;
                    *named.borrow_mut() = name(&self.path(), taken.key(), &at.path());
                    return Err(de::Error::custom(format_args!(
                        "the key `{}` is given twice",
                        taken.key()
                    )));
                }
                serde_json::map::Entry::Vacant(slot) => {
                    let at = Segment::Key(slot.key());
                    let value = map
                        .next_value_seed(self.child(at))
                        .inspect_err(|_| self.child(at).record())?;
                    slot.insert(value);
                }
            }
        }
    }
}

/// A number as people read it, much as JavaScript writes numbers: whole numbers as digits
/// (`3`, `10000000000000000`; below 9 × 10^18), others in the shortest form that reads back
/// the same (`2.5`, `0.1`; an exponent for very small or very large ones, `1e-7`, `1e21`), and
/// `NaN`, `inf`, `-inf` by name. Messages write numbers with it rather than with `{}`, so
/// that the WebAssembly modules do without the standard library's float formatting (14 KB).
///
/// ```
/// use cqc_assurance::number_text;
/// assert_eq!(number_text(3.0), "3");
/// assert_eq!(number_text(2.5), "2.5");
/// assert_eq!(number_text(1e16), "10000000000000000");
/// assert_eq!(number_text(1e-7), "1e-7");
/// ```
pub fn number_text(x: f64) -> String {
    if x.is_nan() {
        "NaN".into()
    } else if x.is_infinite() {
        if x > 0.0 { "inf" } else { "-inf" }.into()
    } else if x.fract() == 0.0 && x.abs() < 9e18 {
        // Exact: a whole f64 of this size fits an i64 (and -0 is written 0, as JavaScript does).
        (x as i64).to_string()
    } else {
        serde_json::Number::from_f64(x).map_or_else(String::new, |n| n.to_string())
    }
}

/// A number rounded to one decimal place, without a trailing `.0`: `62.5`, `62`, `0.3`.
/// A half rounds away from zero, as people round (26 of 32 is 81.25%, written `81.3`); Rust's
/// `{:.1}` would round it to even (`81.2`). The library rounds percentages of whole scores,
/// whose exact halves are exact in binary, so there is no false half.
pub(crate) fn one_decimal(x: f64) -> String {
    if !x.is_finite() || x.abs() >= 1e14 {
        return number_text(x);
    }
    let tenths = (x * 10.0).round() as i64;
    let sign = if tenths < 0 { "-" } else { "" };
    let (whole, tenth) = (tenths.abs() / 10, tenths.abs() % 10);
    if tenth == 0 {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{tenth}")
    }
}

/// A string in double quotes, escaped as JSON escapes it: `"Equity"`, `"a \"b\""`.
pub(crate) fn quoted(s: &str) -> String {
    Value::from(s).to_string()
}

/// How serde names a value in an `invalid type` message: `integer `3``, `string "x"`, `map`.
pub(crate) fn unexpected(value: &Value) -> String {
    match value {
        Value::Null => "null".into(),
        Value::Bool(b) => format!("boolean `{b}`"),
        Value::Number(n) if n.is_f64() => format!("floating point `{n}`"),
        Value::Number(n) => format!("integer `{n}`"),
        Value::String(s) => format!("string {}", quoted(s)),
        Value::Array(_) => "sequence".into(),
        Value::Object(_) => "map".into(),
    }
}

/// `invalid type: integer `3`, expected a string` at `path`.
pub(crate) fn invalid_type(value: &Value, expected: &str, path: &str) -> Error {
    Error::InvalidJson {
        path: if path.is_empty() { "." } else { path }.to_string(),
        message: format!("invalid type: {}, expected {expected}", unexpected(value)),
    }
}

/// The fields of a JSON object, read with the path of each (`path` is the object's own path,
/// `""` for a document).
#[derive(Clone, Copy)]
pub(crate) struct Object<'a, 'p> {
    map: &'a Map<String, Value>,
    path: &'p str,
    /// The fields the object may have (`None`: any, for [`Object::open`]). A field is read by
    /// its name, written again at the read: in debug builds (the tests), reading a name that
    /// is not in the list panics, so a misspelt read cannot silently find nothing.
    fields: Option<&'static [&'static str]>,
}

impl<'a, 'p> Object<'a, 'p> {
    /// `value` as an object whose keys are all in `fields` (the first other key is
    /// `unknown field`); `what` names it in the error when it is not an object.
    pub(crate) fn new(
        value: &'a Value,
        path: &'p str,
        what: &str,
        fields: &'static [&'static str],
    ) -> Result<Object<'a, 'p>> {
        let Value::Object(map) = value else {
            return Err(invalid_type(value, what, path));
        };
        if let Some(key) = map.keys().find(|k| !fields.contains(&k.as_str())) {
            return Err(unknown_field(path, key, fields));
        }
        Ok(Object {
            map,
            path,
            fields: Some(fields),
        })
    }

    /// `value` as an object whose other keys are allowed (a format owned by someone else, such
    /// as GOV.UK's bank holidays file, which may gain fields).
    pub(crate) fn open(value: &'a Value, path: &'p str, what: &str) -> Result<Object<'a, 'p>> {
        match value {
            Value::Object(map) => Ok(Object {
                map,
                path,
                fields: None,
            }),
            other => Err(invalid_type(other, what, path)),
        }
    }

    /// The keys, in document order.
    pub(crate) fn keys(&self) -> impl Iterator<Item = &'a str> {
        self.map.keys().map(String::as_str)
    }

    /// The path of a field.
    pub(crate) fn path(&self, key: &str) -> String {
        join_path(self.path, key)
    }

    /// A field's value; absent and `null` are both `None`.
    pub(crate) fn get(&self, key: &str) -> Option<&'a Value> {
        self.value(key).filter(|v| !v.is_null())
    }

    /// Checks (in debug builds) that `key` is one of the object's fields.
    fn known(&self, key: &str) {
        debug_assert!(
            self.fields.is_none_or(|f| f.contains(&key)),
            "json.rs: the field `{key}` is read but not in the object's list {:?}",
            self.fields
        );
    }

    /// An optional string field.
    pub(crate) fn str(&self, key: &str) -> Result<Option<&'a str>> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::String(s)) => Ok(Some(s)),
            Some(other) => Err(invalid_type(other, "a string", &self.path(key))),
        }
    }

    /// An optional field that names one of an enum's values, spelt as the enum's serde
    /// attributes spell them (so that no reader copies the spellings): text, or `invalid
    /// type`; a name the enum lacks is serde's `unknown variant `x`, expected ...`.
    pub(crate) fn variant<T: serde::de::DeserializeOwned>(&self, key: &str) -> Result<Option<T>> {
        use serde::de::IntoDeserializer;
        let Some(name) = self.str(key)? else {
            return Ok(None);
        };
        let text: serde::de::value::StrDeserializer<'_, serde::de::value::Error> =
            name.into_deserializer();
        T::deserialize(text)
            .map(Some)
            .map_err(|e| Error::InvalidJson {
                path: self.path(key),
                message: e.to_string(),
            })
    }

    /// A field's value, `null` included (`None` only when absent).
    pub(crate) fn value(&self, key: &str) -> Option<&'a Value> {
        self.known(key);
        self.map.get(key)
    }

    /// A field that must be given: absent is `missing field` (at the object, as serde has it),
    /// `null` is `invalid type: null, expected …` at the field.
    pub(crate) fn required(&self, key: &str, expected: &str) -> Result<&'a Value> {
        match self.value(key) {
            None => Err(self.missing(key)),
            Some(Value::Null) => Err(invalid_type(&Value::Null, expected, &self.path(key))),
            Some(v) => Ok(v),
        }
    }

    /// A string field that must be given.
    pub(crate) fn required_str(&self, key: &str) -> Result<&'a str> {
        let v = self.required(key, "a string")?;
        v.as_str()
            .ok_or_else(|| invalid_type(v, "a string", &self.path(key)))
    }

    /// A number field that must be given.
    pub(crate) fn required_f64(&self, key: &str) -> Result<f64> {
        self.required(key, "a number")?;
        Ok(self.f64(key)?.unwrap_or_default())
    }

    /// A `true` or `false` field that must be given.
    pub(crate) fn required_bool(&self, key: &str) -> Result<bool> {
        self.required(key, "a boolean")?;
        Ok(self.bool(key)?.unwrap_or_default())
    }

    /// An optional whole number field within `i64`.
    pub(crate) fn i64(&self, key: &str) -> Result<Option<i64>> {
        match self.get(key) {
            None => Ok(None),
            Some(v) => match (v.as_i64(), v.as_u64()) {
                (Some(n), _) => Ok(Some(n)),
                (None, Some(n)) => Err(Error::InvalidJson {
                    path: self.path(key),
                    message: format!(
                        "invalid value: integer `{n}`, expected a whole number up to {}",
                        i64::MAX
                    ),
                }),
                (None, None) => Err(invalid_type(v, "a whole number", &self.path(key))),
            },
        }
    }

    /// An optional number field.
    pub(crate) fn f64(&self, key: &str) -> Result<Option<f64>> {
        match self.get(key) {
            None => Ok(None),
            Some(v) => v
                .as_f64()
                .map(Some)
                .ok_or_else(|| invalid_type(v, "a number", &self.path(key))),
        }
    }

    /// An optional `true` or `false` field.
    pub(crate) fn bool(&self, key: &str) -> Result<Option<bool>> {
        match self.get(key) {
            None => Ok(None),
            Some(v) => v
                .as_bool()
                .map(Some)
                .ok_or_else(|| invalid_type(v, "a boolean", &self.path(key))),
        }
    }

    /// An optional list field (absent is empty).
    pub(crate) fn list(&self, key: &str) -> Result<&'a [Value]> {
        match self.get(key) {
            None => Ok(&[]),
            Some(Value::Array(items)) => Ok(items),
            Some(other) => Err(invalid_type(other, "a list", &self.path(key))),
        }
    }

    /// An optional list of strings (absent is empty); each with its path `key[i]`.
    pub(crate) fn strings(&self, key: &str) -> Result<Vec<(String, &'a str)>> {
        let path = self.path(key);
        self.list(key)?
            .iter()
            .enumerate()
            .map(|(i, v)| {
                let p = format!("{path}[{i}]");
                match v {
                    Value::String(s) => Ok((p, s.as_str())),
                    other => Err(invalid_type(other, "a string", &p)),
                }
            })
            .collect()
    }

    /// `missing field `key`` at the object's path (where it belongs), as serde reports it.
    pub(crate) fn missing(&self, key: &str) -> Error {
        Error::InvalidJson {
            path: if self.path.is_empty() { "." } else { self.path }.to_string(),
            message: format!("missing field `{key}`"),
        }
    }
}

/// `unknown field `key`, expected one of `a`, `b`, `c`` at the field's path, worded as serde
/// words it (`expected `a``, `expected `a` or `b``, `there are no fields`).
pub(crate) fn unknown_field(path: &str, key: &str, expected: &[&str]) -> Error {
    let mut message = format!("unknown field `{key}`, ");
    message.push_str(match expected.len() {
        0 => "there are no fields",
        1 | 2 => "expected ",
        _ => "expected one of ",
    });
    let separator = if expected.len() == 2 { " or " } else { ", " };
    for (i, f) in expected.iter().enumerate() {
        if i > 0 {
            message.push_str(separator);
        }
        message.push('`');
        message.push_str(f);
        message.push('`');
    }
    Error::InvalidJson {
        path: join_path(path, key),
        message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::strategy::Strategy;

    fn err(text: &str) -> (String, String) {
        let e = parse(text).unwrap_err();
        (e.path().unwrap_or_default().to_string(), e.to_string())
    }

    #[test]
    fn parses_what_serde_json_parses() {
        let text = r#"{"a": [1, -2, 2.5, "x", null, true, {"b": {}}], "c": "\u00e9"}"#;
        assert_eq!(
            parse(text).unwrap(),
            serde_json::from_str::<Value>(text).unwrap()
        );
    }

    #[test]
    fn a_key_given_twice_is_an_error_at_its_path() {
        let (path, message) = err(r#"{"a": {"b": 1, "b": 2}}"#);
        assert_eq!(path, "a.b");
        assert!(message.contains("given twice"), "{message}");
    }

    #[test]
    fn syntax_errors_carry_the_path_of_the_value_being_read() {
        assert_eq!(err(r#"{"a": [1, 2, }"#).0, "a[2]");
        assert_eq!(err(r#"{"a": {"b": tru}}"#).0, "a.b");
        assert_eq!(err("[1] 2").0, ".");
        assert_eq!(err("").0, ".");
    }

    #[test]
    fn numbers_read_as_rust_prints_them() {
        for x in [
            0.0,
            3.0,
            -3.0,
            2.5,
            0.1,
            0.3,
            1.0 / 3.0,
            62.45,
            0.001,
            123456.789,
            4.000001,
        ] {
            assert_eq!(number_text(x), format!("{x}"), "{x}");
        }
        assert_eq!(number_text(1e-7), "1e-7");
        assert_eq!(number_text(1e15), "1000000000000000");
        assert_eq!(number_text(1e18), "1000000000000000000");
        assert_eq!(number_text(1e20).parse::<f64>().unwrap(), 1e20);
        assert_eq!(number_text(-0.0), "0");
        assert_eq!(number_text(f64::NAN), "NaN");
        assert_eq!(number_text(f64::NEG_INFINITY), "-inf");
        assert_eq!(one_decimal(62.5), "62.5");
        assert_eq!(one_decimal(100.0 * 26.0 / 32.0), "81.3");
        assert_eq!(one_decimal(62.04), "62");
        assert_eq!(one_decimal(-0.26), "-0.3");
        assert_eq!(one_decimal(99.96), "100");
    }

    /// Any JSON value (objects cannot hold a key twice, so none is repeated).
    fn any_value() -> impl proptest::strategy::Strategy<Value = Value> {
        use proptest::prelude::*;
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(Value::from),
            any::<u64>().prop_map(Value::from),
            proptest::num::f64::NORMAL.prop_map(Value::from),
            ".{0,8}".prop_map(Value::from),
        ];
        leaf.prop_recursive(4, 48, 6, |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
                proptest::collection::vec(("[a-z_\\.\\[\\]\"é]{0,6}", inner), 0..6)
                    .prop_map(|kv| Value::Object(kv.into_iter().collect())),
            ]
        })
    }

    proptest::proptest! {
        #[test]
        fn parses_any_document_as_serde_json_does(v in any_value(), pretty in proptest::bool::ANY) {
            let text = if pretty { serde_json::to_string_pretty(&v) } else { serde_json::to_string(&v) }.unwrap();
            proptest::prop_assert_eq!(parse(&text).unwrap(), v);
        }

        #[test]
        fn a_key_given_twice_is_reported_at_its_path(
            v in any_value(), key in "[a-z]{1,4}", wrappers in proptest::collection::vec(
                proptest::prop_oneof![
                    "[a-z]{1,3}".prop_map(Some),
                    proptest::strategy::Just(None),
                ], 0..4)
        ) {
            // `{"key": <any>, "key": 1}`, placed inside objects (`Some(name)`) and lists
            // (`None`, as the second item): the error is at the second `key`, under them all.
            let mut text = format!(
                "{{\"{key}\": {}, \"{key}\": 1}}",
                serde_json::to_string(&v).unwrap()
            );
            let mut path = key.clone();
            for w in wrappers.iter().rev() {
                match w {
                    Some(name) => {
                        text = format!("{{\"{name}\": {text}}}");
                        path = format!("{name}.{path}");
                    }
                    None => {
                        text = format!("[null, {text}]");
                        path = format!("[1].{path}");
                    }
                }
            }
            let path = path.replace(".[", "[").trim_start_matches('.').to_string();
            let e = parse(&text).unwrap_err();
            proptest::prop_assert_eq!(e.code(), "invalid_json");
            proptest::prop_assert_eq!(e.path(), Some(path.as_str()), "{}", text);
        }

        #[test]
        fn number_text_reads_back_the_same(x in proptest::num::f64::NORMAL | proptest::num::f64::SUBNORMAL | proptest::num::f64::ZERO) {
            let text = number_text(x);
            proptest::prop_assert_eq!(text.parse::<f64>().unwrap(), x);
        }

        #[test]
        fn one_decimal_is_within_a_twentieth(x in -1e6f64..1e6) {
            let text = one_decimal(x);
            let back: f64 = text.parse().unwrap();
            proptest::prop_assert!((back - x).abs() <= 0.05 + 1e-9, "{} -> {}", x, text);
            proptest::prop_assert!(!text.ends_with(".0"));
        }
    }

    #[test]
    fn fields_are_read_with_their_paths() {
        let v = parse(r#"{"s": "x", "n": 3, "l": ["a", 2], "m": {"k": 1}, "z": null}"#).unwrap();
        let o = Object::new(&v, "top", "an object", &["s", "n", "l", "m", "z", "q"]).unwrap();
        assert_eq!(o.str("s").unwrap(), Some("x"));
        assert_eq!(o.str("z").unwrap(), None);
        assert_eq!(o.i64("n").unwrap(), Some(3));
        let e = o.str("n").unwrap_err();
        assert_eq!(e.path(), Some("top.n"));
        assert!(e
            .to_string()
            .contains("invalid type: integer `3`, expected a string"));
        assert_eq!(o.strings("l").unwrap_err().path(), Some("top.l[1]"));
        assert_eq!(o.required_str("q").unwrap_err().path(), Some("top"));
        let e = o.required_str("z").unwrap_err();
        assert_eq!(e.path(), Some("top.z"));
        assert!(
            e.to_string()
                .contains("invalid type: null, expected a string"),
            "{e}"
        );
        let e = Object::new(&v, "top", "an object", &["s"]).err().unwrap();
        assert_eq!(e.path(), Some("top.n"));
        assert!(
            e.to_string().contains("unknown field `n`, expected `s`"),
            "{e}"
        );
        let e = Object::new(&v, "top", "an object", &["s", "l"])
            .err()
            .unwrap();
        assert!(e.to_string().contains("expected `s` or `l`"), "{e}");
        let e = Object::new(&v, "top", "an object", &["s", "l", "m"])
            .err()
            .unwrap();
        assert!(
            e.to_string().contains("expected one of `s`, `l`, `m`"),
            "{e}"
        );
    }
}
