//! API.md's table of the API in each language, checked against the crate: every Rust name in
//! it is re-exported at the crate root (or, written `workbook::name`, by that public module),
//! and every `Type::method` is a public function of the crate's sources. (The JavaScript and Python columns are checked by those packages' tests.)

use std::collections::BTreeSet;
use std::path::Path;

/// The names of one column of API.md's tables, each once.
fn api_table_column(column: &str) -> BTreeSet<String> {
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../API.md"))
        .expect("API.md at the root of the repository");
    let mut names = BTreeSet::new();
    let mut index = None;
    for line in text.lines().filter(|l| l.starts_with('|')) {
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        let cells = &cells[1..cells.len() - 1];
        if cells[0] == "Task" {
            index = cells.iter().position(|c| *c == column);
        } else if let (Some(i), false) = (index, cells[0].starts_with("---")) {
            names.extend(cells[i].split('`').skip(1).step_by(2).map(str::to_string));
        }
    }
    names
}

/// Every `.rs` file under `dir`, read.
fn sources(dir: &Path, out: &mut String) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push_str(&std::fs::read_to_string(&path).unwrap());
        }
    }
}

#[test]
fn every_rust_name_in_api_md_exists() {
    let src_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let lib = std::fs::read_to_string(src_dir.join("lib.rs")).unwrap();
    let re_exported: BTreeSet<&str> = lib
        .split("pub use ")
        .skip(1)
        .flat_map(|block| block[..block.find(';').unwrap()].split([',', '{', '}', ' ', '\n']))
        .filter_map(|name| name.rsplit("::").next())
        .filter(|name| !name.is_empty())
        .collect();
    let mut all = String::new();
    sources(&src_dir, &mut all);
    let listed = api_table_column("Rust");
    assert!(
        listed.len() >= 40,
        "only {} Rust names in API.md",
        listed.len()
    );
    let mut missing = Vec::new();
    for name in &listed {
        let ok = match name.split_once("::") {
            Some((module @ ("timeline" | "workbook" | "report"), item)) => {
                let text = std::fs::read_to_string(src_dir.join(module).join("mod.rs")).unwrap();
                text.split("pub use ").skip(1).any(|block| {
                    block[..block.find(';').unwrap()]
                        .split([',', '{', '}', ' ', '\n'])
                        .any(|n| n == item)
                })
            }
            Some((ty, method)) => {
                re_exported.contains(ty)
                    && (all.contains(&format!("pub fn {method}("))
                        || (method == "default" && all.contains(&format!("Default for {ty}"))))
            }
            None => re_exported.contains(name.as_str()),
        };
        if !ok {
            missing.push(name.clone());
        }
    }
    assert!(
        missing.is_empty(),
        "in API.md but not in the crate: {missing:?}"
    );
}
