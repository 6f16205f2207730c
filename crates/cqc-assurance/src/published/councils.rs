//! The 153 English councils with adult social care duties (the reference table every published
//! result joins to): ONS GSS code, name, CQC's name, region and type, and look-up by code or by
//! any usual spelling of the name.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::framework::normalise_name;

/// The bundled reference table (`data/councils.csv`): one row per council, with the ONS and
/// other files each code was confirmed in.
pub const COUNCILS_CSV: &str = include_str!("../../data/councils.csv");

/// The bundled name variants (`data/council_name_aliases.csv`): normalised spellings used by
/// ONS, mySociety and CQC (report slugs), each to one GSS code.
pub const COUNCIL_ALIASES_CSV: &str = include_str!("../../data/council_name_aliases.csv");

/// England's nine regions (ONS), in ONS order.
///
/// ```
/// use cqc_assurance::Region;
/// assert_eq!(Region::parse("Yorkshire & the Humber").unwrap(), Region::YorkshireAndTheHumber);
/// assert_eq!(Region::NorthWest.label(), "North West");
/// assert_eq!(Region::NorthWest.id(), "north_west");
/// assert_eq!(Region::parse("Wessex").unwrap_err().code(), "unknown_region");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "declarations", derive(ts_rs::TS, schemars::JsonSchema))]
#[cfg_attr(feature = "declarations", ts(rename = "RegionId"))]
#[serde(rename_all = "snake_case")]
pub enum Region {
    /// North East.
    NorthEast,
    /// North West.
    NorthWest,
    /// Yorkshire and The Humber.
    YorkshireAndTheHumber,
    /// East Midlands.
    EastMidlands,
    /// West Midlands.
    WestMidlands,
    /// East of England.
    EastOfEngland,
    /// London.
    London,
    /// South East.
    SouthEast,
    /// South West.
    SouthWest,
}

impl Region {
    /// The nine regions in ONS order.
    pub const ALL: [Region; 9] = [
        Region::NorthEast,
        Region::NorthWest,
        Region::YorkshireAndTheHumber,
        Region::EastMidlands,
        Region::WestMidlands,
        Region::EastOfEngland,
        Region::London,
        Region::SouthEast,
        Region::SouthWest,
    ];

    /// The stable id (`north_west`), as in JSON.
    pub fn id(self) -> &'static str {
        match self {
            Region::NorthEast => "north_east",
            Region::NorthWest => "north_west",
            Region::YorkshireAndTheHumber => "yorkshire_and_the_humber",
            Region::EastMidlands => "east_midlands",
            Region::WestMidlands => "west_midlands",
            Region::EastOfEngland => "east_of_england",
            Region::London => "london",
            Region::SouthEast => "south_east",
            Region::SouthWest => "south_west",
        }
    }

    /// The name as ONS writes it (`Yorkshire and The Humber`), as in the CSV.
    pub fn label(self) -> &'static str {
        match self {
            Region::NorthEast => "North East",
            Region::NorthWest => "North West",
            Region::YorkshireAndTheHumber => "Yorkshire and The Humber",
            Region::EastMidlands => "East Midlands",
            Region::WestMidlands => "West Midlands",
            Region::EastOfEngland => "East of England",
            Region::London => "London",
            Region::SouthEast => "South East",
            Region::SouthWest => "South West",
        }
    }

    /// Reads a region from its name or id, ignoring case, `&` for `and`, and punctuation.
    pub fn parse(input: &str) -> Result<Region> {
        let key = normalise_name(input);
        Region::ALL
            .into_iter()
            .find(|r| normalise_name(r.label()) == key || normalise_name(r.id()) == key)
            .ok_or_else(|| Error::UnknownRegion {
                path: "region".into(),
                input: input.to_string(),
            })
    }
}

/// The kind of council, as ONS classes them.
///
/// ```
/// use cqc_assurance::CouncilType;
/// assert_eq!(CouncilType::parse("Metropolitan District").unwrap(), CouncilType::MetropolitanDistrict);
/// assert_eq!(CouncilType::LondonBorough.label(), "London borough");
/// assert_eq!(CouncilType::LondonBorough.plural(), "London boroughs");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "declarations", derive(ts_rs::TS, schemars::JsonSchema))]
#[cfg_attr(feature = "declarations", ts(rename = "CouncilTypeId"))]
#[serde(rename_all = "snake_case")]
pub enum CouncilType {
    /// A county council (upper tier of a two-tier area).
    County,
    /// A unitary authority.
    Unitary,
    /// A metropolitan district (borough) council.
    MetropolitanDistrict,
    /// A London borough.
    LondonBorough,
    /// Neither of these: the City of London Corporation and the Council of the Isles of Scilly.
    Other,
}

impl CouncilType {
    /// The five kinds.
    pub const ALL: [CouncilType; 5] = [
        CouncilType::County,
        CouncilType::Unitary,
        CouncilType::MetropolitanDistrict,
        CouncilType::LondonBorough,
        CouncilType::Other,
    ];

    /// The stable id (`metropolitan_district`), as in JSON.
    pub fn id(self) -> &'static str {
        match self {
            CouncilType::County => "county",
            CouncilType::Unitary => "unitary",
            CouncilType::MetropolitanDistrict => "metropolitan_district",
            CouncilType::LondonBorough => "london_borough",
            CouncilType::Other => "other",
        }
    }

    /// The name as in the CSV (`metropolitan district`, `London borough`).
    pub fn label(self) -> &'static str {
        match self {
            CouncilType::County => "county",
            CouncilType::Unitary => "unitary",
            CouncilType::MetropolitanDistrict => "metropolitan district",
            CouncilType::LondonBorough => "London borough",
            CouncilType::Other => "other",
        }
    }

    /// The councils of this kind, in words (`county councils`, `London boroughs`).
    pub fn plural(self) -> &'static str {
        match self {
            CouncilType::County => "county councils",
            CouncilType::Unitary => "unitary councils",
            CouncilType::MetropolitanDistrict => "metropolitan districts",
            CouncilType::LondonBorough => "London boroughs",
            CouncilType::Other => "other councils",
        }
    }

    /// Reads a kind of council from its name or id, ignoring case and punctuation.
    pub fn parse(input: &str) -> Result<CouncilType> {
        let key = normalise_name(input);
        CouncilType::ALL
            .into_iter()
            .find(|t| normalise_name(t.label()) == key || normalise_name(t.id()) == key)
            .ok_or_else(|| Error::UnknownCouncilType {
                path: "council_type".into(),
                input: input.to_string(),
            })
    }
}

/// One of the 153 councils with adult social care duties.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Council {
    /// The ONS GSS code (2023 boundaries), e.g. `E08000012`.
    pub gss_code: String,
    /// The name, without "Council", "City of" and the like (`Liverpool`).
    pub name: String,
    /// The name CQC uses in its reports, where found (`Liverpool City Council`).
    pub cqc_name: Option<String>,
    /// The region.
    pub region: Region,
    /// The kind of council.
    pub council_type: CouncilType,
}

/// Words dropped when names are compared loosely ("London Borough of Camden" is Camden).
const NAME_NOISE: [&str; 12] = [
    "council",
    "city",
    "of",
    "the",
    "borough",
    "london",
    "county",
    "metropolitan",
    "royal",
    "district",
    "lb",
    "ua",
];

/// The key of the alias table: lower case, `&` as `and`, no punctuation, `st` as `saint`
/// (the normalisation `council_name_aliases.csv` is written in).
pub(crate) fn alias_key(name: &str) -> String {
    normalise_name(name)
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(|w| if w == "st" { "saint" } else { w })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The loose key: the alias key without words such as "council", "city", "of", "borough".
pub(crate) fn loose_key(name: &str) -> String {
    alias_key(name)
        .split(' ')
        .filter(|w| !w.is_empty() && !NAME_NOISE.contains(w))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether the text is written like a GSS code (`E` and eight digits, any case).
fn is_gss_code(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() == 9 && (b[0] == b'E' || b[0] == b'e') && b[1..].iter().all(u8::is_ascii_digit)
}

/// The councils and the keys they are found by.
pub(crate) struct Directory {
    councils: Vec<Council>,
    /// (alias key, council index), from the alias table and each council's names.
    aliases: Vec<(String, usize)>,
    /// (loose key, council index) of every name and alias.
    loose: Vec<(String, usize)>,
    /// The loose key of each council's own name, by index.
    name_keys: Vec<String>,
}

fn read_councils() -> Vec<Council> {
    let mut reader = csv::ReaderBuilder::new().from_reader(COUNCILS_CSV.as_bytes());
    let mut out = Vec::new();
    for row in reader.records().flatten() {
        let (Some(code), Some(name), Some(cqc), Some(region), Some(kind)) =
            (row.get(0), row.get(1), row.get(2), row.get(3), row.get(4))
        else {
            continue;
        };
        // The bundled table is checked whole by the test suite; a row that does not read is a
        // defect of the build, and the rows that do are still served.
        let (Ok(region), Ok(council_type)) = (Region::parse(region), CouncilType::parse(kind))
        else {
            continue;
        };
        out.push(Council {
            gss_code: code.to_string(),
            name: name.to_string(),
            cqc_name: Some(cqc.to_string()).filter(|s| !s.is_empty()),
            region,
            council_type,
        });
    }
    out
}

impl Directory {
    fn build() -> Directory {
        let councils = read_councils();
        let mut aliases: Vec<(String, usize)> = Vec::new();
        let mut reader = csv::ReaderBuilder::new().from_reader(COUNCIL_ALIASES_CSV.as_bytes());
        for row in reader.records().flatten() {
            let (Some(alias), Some(code)) = (row.get(0), row.get(1)) else {
                continue;
            };
            if let Some(i) = councils.iter().position(|c| c.gss_code == code) {
                // Report slugs (`cqc_slug:camden-0225`) are kept as they are: they are looked up
                // by the report address, not typed as names.
                aliases.push((alias.to_string(), i));
            }
        }
        for (i, c) in councils.iter().enumerate() {
            aliases.push((alias_key(&c.name), i));
            if let Some(n) = &c.cqc_name {
                aliases.push((alias_key(n), i));
            }
        }
        aliases.sort();
        aliases.dedup();
        let mut loose: Vec<(String, usize)> = aliases
            .iter()
            .filter(|(a, _)| !a.starts_with("cqc_slug:"))
            .map(|(a, i)| (loose_key(a), *i))
            .filter(|(k, _)| !k.is_empty())
            .collect();
        loose.sort();
        loose.dedup();
        let name_keys = councils.iter().map(|c| loose_key(&c.name)).collect();
        Directory {
            councils,
            aliases,
            loose,
            name_keys,
        }
    }

    pub(crate) fn get() -> &'static Directory {
        static DIRECTORY: OnceLock<Directory> = OnceLock::new();
        DIRECTORY.get_or_init(Directory::build)
    }

    pub(crate) fn councils(&self) -> &[Council] {
        &self.councils
    }

    /// The index of the council with this GSS code (exact, upper case).
    pub(crate) fn by_code(&self, code: &str) -> Option<usize> {
        self.councils.iter().position(|c| c.gss_code == code)
    }

    /// Finds a council by GSS code or name (see [`find_council_reference`]).
    pub(crate) fn lookup(&self, input: &str) -> Result<usize> {
        let text = input.trim();
        if is_gss_code(text) {
            return self
                .by_code(&text.to_ascii_uppercase())
                .ok_or_else(|| Error::UnknownCouncil {
                    input: input.to_string(),
                    suggestions: Vec::new(),
                });
        }
        let key = alias_key(text);
        if let Ok(at) = self.aliases.binary_search_by(|(a, _)| a.as_str().cmp(&key)) {
            return Ok(self.aliases[at].1);
        }
        // The report address or its slug: `.../local-authority-assessment-reports/camden-0225`.
        let slug = text.rsplit('/').next().unwrap_or(text);
        let slug_key = format!("cqc_slug:{slug}");
        if let Some((_, i)) = self
            .aliases
            .iter()
            .find(|(a, _)| a.eq_ignore_ascii_case(&slug_key))
        {
            return Ok(*i);
        }
        let loose = loose_key(text);
        if !loose.is_empty() {
            let mut found: Vec<usize> = self
                .loose
                .iter()
                .filter(|(k, _)| *k == loose)
                .map(|(_, i)| *i)
                .collect();
            found.dedup();
            if found.len() == 1 {
                return Ok(found[0]);
            }
            // The start of one council's name ("Kensington" for Kensington and Chelsea).
            let prefix = format!("{loose} ");
            let starts: Vec<usize> = (0..self.councils.len())
                .filter(|&i| self.name_keys[i].starts_with(&prefix))
                .collect();
            if found.is_empty() && starts.len() == 1 {
                return Ok(starts[0]);
            }
            if found.len() > 1 {
                return Err(Error::UnknownCouncil {
                    input: input.to_string(),
                    suggestions: found
                        .iter()
                        .map(|&i| self.councils[i].name.clone())
                        .collect(),
                });
            }
        }
        let first = loose.split(' ').next().unwrap_or("");
        // The first three characters (not bytes: a name may be typed in any script).
        let stem = &first[..first.char_indices().nth(3).map_or(first.len(), |(i, _)| i)];
        let suggestions = self
            .councils
            .iter()
            .zip(&self.name_keys)
            .filter(|(_, k)| {
                first.chars().count() >= 3 && k.split(' ').any(|w| w.starts_with(stem))
            })
            .map(|(c, _)| c.name.clone())
            .take(5)
            .collect();
        Err(Error::UnknownCouncil {
            input: input.to_string(),
            suggestions,
        })
    }

    /// Whether a name as written in a CSV row names this council: the same loose key as its
    /// name or CQC's name, or an alias of it.
    pub(crate) fn names(&self, index: usize, name: &str) -> bool {
        let c = &self.councils[index];
        let key = loose_key(name);
        key == self.name_keys[index]
            || c.cqc_name.as_deref().is_some_and(|n| loose_key(n) == key)
            || self.lookup(name).is_ok_and(|i| i == index)
    }
}

/// The 153 councils with adult social care duties, in the order of the reference table
/// (alphabetical).
///
/// ```
/// let all = cqc_assurance::councils();
/// assert_eq!(all.len(), 153);
/// assert!(all.iter().any(|c| c.gss_code == "E08000003" && c.name == "Manchester"));
/// ```
pub fn councils() -> &'static [Council] {
    Directory::get().councils()
}

/// Finds one of the 153 councils by its ONS GSS code or by any usual spelling of its name:
/// case, punctuation, `&` and `St`/`St.`/`Saint` do not matter, nor words such as "Council",
/// "City of", "London Borough of"; ONS's and mySociety's variants ("Bristol, City of",
/// "Kingston upon Hull, City of", "Hull") and CQC's report addresses are known. An unknown name
/// is an [`Error::UnknownCouncil`] with suggestions.
///
/// ```
/// use cqc_assurance::{find_council_reference, Region};
/// let manchester = find_council_reference("Manchester").unwrap();
/// assert_eq!((manchester.gss_code.as_str(), manchester.region), ("E08000003", Region::NorthWest));
/// assert_eq!(find_council_reference("St. Helens").unwrap().name, "St Helens");
/// assert_eq!(find_council_reference("Bristol, City of").unwrap().name, "Bristol");
/// assert_eq!(find_council_reference("Kingston upon Hull").unwrap().gss_code, "E06000010");
/// assert_eq!(find_council_reference("e06000010").unwrap().name, "Kingston upon Hull");
/// assert_eq!(find_council_reference("Narnia").unwrap_err().code(), "unknown_council");
/// ```
pub fn find_council_reference(name_or_code: &str) -> Result<&'static Council> {
    let d = Directory::get();
    d.lookup(name_or_code).map(|i| &d.councils()[i])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reference_table_reads_whole() {
        let d = Directory::get();
        assert_eq!(d.councils().len(), 153);
        let lines = COUNCILS_CSV.lines().count();
        assert_eq!(lines, 154, "header and 153 rows");
        let mut codes: Vec<&str> = d.councils().iter().map(|c| c.gss_code.as_str()).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), 153);
        // 32 London boroughs (and the City of London), 36 metropolitan districts, 21 counties,
        // 62 unitary councils (the Isles of Scilly is the other one besides the City).
        let count = |t| d.councils().iter().filter(|c| c.council_type == t).count();
        assert_eq!(count(CouncilType::LondonBorough), 32);
        assert_eq!(count(CouncilType::MetropolitanDistrict), 36);
        assert_eq!(count(CouncilType::County), 21);
        assert_eq!(count(CouncilType::Unitary), 62);
        assert_eq!(count(CouncilType::Other), 2);
        let north_west = d
            .councils()
            .iter()
            .filter(|c| c.region == Region::NorthWest)
            .count();
        assert_eq!(north_west, 24);
    }

    #[test]
    fn every_alias_names_one_council_and_every_name_finds_itself() {
        let d = Directory::get();
        let rows = COUNCIL_ALIASES_CSV.lines().count() - 1;
        let mut keys: Vec<&str> = d.aliases.iter().map(|(a, _)| a.as_str()).collect();
        keys.dedup();
        assert_eq!(keys.len(), d.aliases.len(), "an alias names two councils");
        assert!(d.aliases.len() >= rows);
        for (i, c) in d.councils().iter().enumerate() {
            assert_eq!(d.lookup(&c.name).unwrap(), i, "{}", c.name);
            assert_eq!(d.lookup(&c.gss_code).unwrap(), i);
            if let Some(n) = &c.cqc_name {
                assert_eq!(d.lookup(n).unwrap(), i, "{n}");
            }
        }
        // Every loose key of a council's own name is its own (City of London's is empty).
        let mut own: Vec<&str> = d
            .name_keys
            .iter()
            .map(String::as_str)
            .filter(|k| !k.is_empty())
            .collect();
        own.sort_unstable();
        let n = own.len();
        own.dedup();
        assert_eq!(own.len(), n);
    }

    #[test]
    fn usual_spellings() {
        for (q, want) in [
            ("St. Helens", "St Helens"),
            ("Saint Helens Borough Council", "St Helens"),
            ("Bristol, City of", "Bristol"),
            ("Kingston upon Hull", "Kingston upon Hull"),
            ("Kingston upon Hull, City of", "Kingston upon Hull"),
            ("Hull City Council", "Kingston upon Hull"),
            ("Manchester", "Manchester"),
            ("Manchester City Council", "Manchester"),
            ("Royal Borough of Kensington & Chelsea", "Kensington and Chelsea"),
            ("Kensington", "Kensington and Chelsea"),
            ("Durham County Council", "County Durham"),
            ("Windsor & Maidenhead", "Windsor and Maidenhead"),
            ("southend on sea", "Southend-on-Sea"),
            ("Leicester", "Leicester"),
            ("Leicestershire County Council", "Leicestershire"),
            ("BCP", "Bournemouth, Christchurch and Poole"),
            ("City of London", "City of London"),
            ("Isles of Scilly", "Isles of Scilly"),
            ("Newcastle", "Newcastle upon Tyne"),
            (
                "https://www.cqc.org.uk/care-services/local-authority-assessment-reports/camden-0225",
                "Camden",
            ),
        ] {
            assert_eq!(find_council_reference(q).unwrap().name, want, "{q}");
        }
        let err = find_council_reference("Liverpol").unwrap_err();
        assert!(err.to_string().contains("Liverpool"), "{err}");
        assert_eq!(
            find_council_reference("").unwrap_err().code(),
            "unknown_council"
        );
        assert_eq!(
            find_council_reference("E99999999").unwrap_err().code(),
            "unknown_council"
        );
    }
}
