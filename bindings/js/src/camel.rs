//! Serialising the core's results with JavaScript's camelCase property names.
//!
//! The core serialises its structs with Rust's snake_case field names (`percent_exact`). This
//! serializer adapter renames **struct field names only** (`percentExact`) and leaves everything
//! else as the core wrote it: map keys (statement ids such as `assessing-needs`, milestone ids
//! such as `factual_accuracy_due`), enum variant names and string values (`requires_improvement`)
//! are data, not field names, and are never case-converted.

use serde::ser::{
    self, Serialize, SerializeMap, SerializeSeq, SerializeStruct, SerializeStructVariant,
    SerializeTuple, SerializeTupleStruct, SerializeTupleVariant, Serializer,
};

/// A value that serialises like `T` but with struct field names in camelCase.
///
/// ```
/// use cqc_assurance_js::camel::Camel;
/// let result = cqc_assurance::rate_scores(&[2, 3, 3, 2, 2, 2, 2, 3, 3]).unwrap();
/// let json = serde_json::to_value(Camel(&result)).unwrap();
/// assert_eq!(json["percentExact"].as_f64().unwrap(), 2200.0 / 36.0);
/// assert_eq!(json["band"]["pointsToNextRating"], 1);
/// assert_eq!(json["rating"], "requires_improvement"); // values are untouched
/// assert_eq!(json["statements"][0]["statement"], "assessing-needs");
/// ```
pub struct Camel<'a, T: ?Sized>(pub &'a T);

impl<T: Serialize + ?Sized> Serialize for Camel<'_, T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(CamelSerializer(s))
    }
}

/// `snake_case` → `camelCase`: an underscore followed by a letter becomes that letter in
/// upper case (`points_to_next_rating` → `pointsToNextRating`). Names without an underscore
/// are returned as they are.
///
/// ```
/// use cqc_assurance_js::camel::camel_case;
/// assert_eq!(camel_case("points_to_next_rating"), "pointsToNextRating");
/// assert_eq!(camel_case("rating"), "rating");
/// ```
pub fn camel_case(name: &str) -> std::borrow::Cow<'_, str> {
    if !name.contains('_') {
        return std::borrow::Cow::Borrowed(name);
    }
    let mut out = String::with_capacity(name.len());
    let mut upper = false;
    for ch in name.chars() {
        if ch == '_' && !out.is_empty() {
            upper = true;
        } else if upper {
            out.push(ch.to_ascii_uppercase());
            upper = false;
        } else {
            out.push(ch);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// A struct field name, serialised in camelCase.
struct FieldName(&'static str);

impl Serialize for FieldName {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&camel_case(self.0))
    }
}

/// Methods of [`CamelSerializer`] that write a plain value: passed to the inner serializer.
macro_rules! forward {
    ($($method:ident($ty:ty)),* $(,)?) => {$(
        fn $method(self, v: $ty) -> Result<S::Ok, S::Error> {
            self.0.$method(v)
        }
    )*};
}

struct CamelSerializer<S>(S);

/// Wraps a compound serializer so that its elements are serialised through [`Camel`].
pub struct Compound<C>(C);

/// A struct, written as a map so that its keys can be renamed.
pub struct StructAsMap<M>(M);

/// A struct variant, collected and then written as `{variant: {fields}}`.
pub struct StructVariant<S> {
    serializer: S,
    variant: &'static str,
    fields: serde_json::Map<String, serde_json::Value>,
}

impl<S: Serializer> Serializer for CamelSerializer<S> {
    type Ok = S::Ok;
    type Error = S::Error;
    type SerializeSeq = Compound<S::SerializeSeq>;
    type SerializeTuple = Compound<S::SerializeTuple>;
    type SerializeTupleStruct = Compound<S::SerializeTupleStruct>;
    type SerializeTupleVariant = Compound<S::SerializeTupleVariant>;
    type SerializeMap = Compound<S::SerializeMap>;
    type SerializeStruct = StructAsMap<S::SerializeMap>;
    type SerializeStructVariant = StructVariant<S>;

    forward! {
        serialize_bool(bool), serialize_i8(i8), serialize_i16(i16), serialize_i32(i32),
        serialize_i64(i64), serialize_i128(i128), serialize_u8(u8), serialize_u16(u16),
        serialize_u32(u32), serialize_u64(u64), serialize_u128(u128), serialize_f32(f32),
        serialize_f64(f64), serialize_char(char), serialize_str(&str), serialize_bytes(&[u8]),
        serialize_unit_struct(&'static str),
    }
    fn serialize_none(self) -> Result<S::Ok, S::Error> {
        self.0.serialize_none()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, v: &T) -> Result<S::Ok, S::Error> {
        self.0.serialize_some(&Camel(v))
    }
    fn serialize_unit(self) -> Result<S::Ok, S::Error> {
        self.0.serialize_unit()
    }
    fn serialize_unit_variant(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
    ) -> Result<S::Ok, S::Error> {
        self.0.serialize_unit_variant(name, index, variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        v: &T,
    ) -> Result<S::Ok, S::Error> {
        self.0.serialize_newtype_struct(name, &Camel(v))
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
        v: &T,
    ) -> Result<S::Ok, S::Error> {
        self.0
            .serialize_newtype_variant(name, index, variant, &Camel(v))
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<Self::SerializeSeq, S::Error> {
        self.0.serialize_seq(len).map(Compound)
    }
    fn serialize_tuple(self, len: usize) -> Result<Self::SerializeTuple, S::Error> {
        self.0.serialize_tuple(len).map(Compound)
    }
    fn serialize_tuple_struct(
        self,
        name: &'static str,
        len: usize,
    ) -> Result<Self::SerializeTupleStruct, S::Error> {
        self.0.serialize_tuple_struct(name, len).map(Compound)
    }
    fn serialize_tuple_variant(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Self::SerializeTupleVariant, S::Error> {
        self.0
            .serialize_tuple_variant(name, index, variant, len)
            .map(Compound)
    }
    fn serialize_map(self, len: Option<usize>) -> Result<Self::SerializeMap, S::Error> {
        self.0.serialize_map(len).map(Compound)
    }
    fn serialize_struct(
        self,
        _name: &'static str,
        len: usize,
    ) -> Result<Self::SerializeStruct, S::Error> {
        self.0.serialize_map(Some(len)).map(StructAsMap)
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant, S::Error> {
        Ok(StructVariant {
            serializer: self.0,
            variant,
            fields: serde_json::Map::new(),
        })
    }
    fn is_human_readable(&self) -> bool {
        self.0.is_human_readable()
    }
}

/// A compound of elements or unnamed fields: each is written through [`Camel`].
macro_rules! compound {
    ($($trait:ident :: $method:ident),*) => {$(
        impl<C: $trait> $trait for Compound<C> {
            type Ok = C::Ok;
            type Error = C::Error;
            fn $method<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), C::Error> {
                self.0.$method(&Camel(v))
            }
            fn end(self) -> Result<C::Ok, C::Error> {
                self.0.end()
            }
        }
    )*};
}

compound!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

impl<C: SerializeMap> SerializeMap for Compound<C> {
    type Ok = C::Ok;
    type Error = C::Error;
    // Map keys are data (statement ids, milestone ids): written exactly as the core gives them.
    fn serialize_key<T: Serialize + ?Sized>(&mut self, k: &T) -> Result<(), C::Error> {
        self.0.serialize_key(k)
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), C::Error> {
        self.0.serialize_value(&Camel(v))
    }
    fn end(self) -> Result<C::Ok, C::Error> {
        self.0.end()
    }
}

impl<M: SerializeMap> SerializeStruct for StructAsMap<M> {
    type Ok = M::Ok;
    type Error = M::Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        v: &T,
    ) -> Result<(), M::Error> {
        self.0.serialize_entry(&FieldName(key), &Camel(v))
    }
    fn end(self) -> Result<M::Ok, M::Error> {
        self.0.end()
    }
}

impl<S: Serializer> SerializeStructVariant for StructVariant<S> {
    type Ok = S::Ok;
    type Error = S::Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        v: &T,
    ) -> Result<(), S::Error> {
        let value = serde_json::to_value(Camel(v)).map_err(ser::Error::custom)?;
        self.fields.insert(camel_case(key).into_owned(), value);
        Ok(())
    }
    fn end(self) -> Result<S::Ok, S::Error> {
        let mut map = self.serializer.serialize_map(Some(1))?;
        map.serialize_entry(self.variant, &self.fields)?;
        map.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Serialize;
    use serde_json::json;
    use std::collections::BTreeMap;

    #[derive(Serialize)]
    struct Inner {
        points_to_next: u32,
    }

    #[derive(Serialize)]
    enum Shape {
        Square { side_length: u32 },
        Pair(u8, u8),
        Named(Inner),
        Plain,
    }

    #[derive(Serialize)]
    struct Outer {
        percent_exact: f64,
        by_milestone: BTreeMap<&'static str, Inner>,
        maybe_inner: Option<Inner>,
        shapes: Vec<Shape>,
        tuple_field: (u8, Inner),
    }

    #[test]
    fn renames_fields_and_keeps_data() {
        let mut by_milestone = BTreeMap::new();
        by_milestone.insert("factual_accuracy_due", Inner { points_to_next: 1 });
        by_milestone.insert("assessing-needs", Inner { points_to_next: 2 });
        let v = Outer {
            percent_exact: 61.5,
            by_milestone,
            maybe_inner: Some(Inner { points_to_next: 3 }),
            shapes: vec![
                Shape::Square { side_length: 4 },
                Shape::Pair(1, 2),
                Shape::Named(Inner { points_to_next: 5 }),
                Shape::Plain,
            ],
            tuple_field: (6, Inner { points_to_next: 7 }),
        };
        assert_eq!(
            serde_json::to_value(Camel(&v)).unwrap(),
            json!({
                "percentExact": 61.5,
                "byMilestone": {
                    "assessing-needs": {"pointsToNext": 2},
                    "factual_accuracy_due": {"pointsToNext": 1}
                },
                "maybeInner": {"pointsToNext": 3},
                "shapes": [
                    {"Square": {"sideLength": 4}},
                    {"Pair": [1, 2]},
                    {"Named": {"pointsToNext": 5}},
                    "Plain"
                ],
                "tupleField": [6, {"pointsToNext": 7}]
            })
        );
    }

    #[test]
    fn camel_case_edges() {
        assert_eq!(camel_case("a_b_c"), "aBC");
        assert_eq!(camel_case("_private"), "_private");
        assert_eq!(camel_case("qs_1"), "qs1");
        assert_eq!(camel_case(""), "");
    }
}
