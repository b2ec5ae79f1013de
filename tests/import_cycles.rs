//! No import cycles among the modules of `src/`: layers only use the layers before them (see
//! the index in `src/lib.rs`). A cycle is how a layer quietly starts to depend on one above it
//! (the domain on the message table, a widget on a screen), so it fails the build here.
//!
//! Modules are files; an edge is a `crate::a::b` path (or `crate::a::{b, c}`) or a `super::x`
//! path outside the file's `#[cfg(test)]` part, resolved to the longest module it names.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

type Graph = BTreeMap<String, BTreeSet<String>>;

fn module_name(rel: &Path) -> String {
    let s = rel.with_extension("").to_string_lossy().replace('/', "::");
    match s.as_str() {
        "lib" => "crate".into(),
        _ => s.strip_suffix("::mod").map(str::to_string).unwrap_or(s),
    }
}

fn read_tree(root: &Path) -> BTreeMap<String, String> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<String, String>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(root, &p, out);
            } else if p.extension().is_some_and(|x| x == "rs") {
                let rel = p.strip_prefix(root).unwrap();
                out.insert(module_name(rel), std::fs::read_to_string(&p).unwrap());
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(root, root, &mut out);
    out
}

/// Identifier-and-`::` runs that follow `prefix` in `src`, each with the text after it.
fn paths_after<'a>(src: &'a str, prefix: &str) -> Vec<(&'a str, &'a str)> {
    let mut out = Vec::new();
    let mut rest = src;
    while let Some(i) = rest.find(prefix) {
        let before = rest[..i].chars().next_back();
        let tail = &rest[i + prefix.len()..];
        let end = tail
            .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
            .unwrap_or(tail.len());
        if !before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            out.push((&tail[..end], &tail[end..]));
        }
        rest = &tail[end..];
    }
    out
}

fn graph(files: &BTreeMap<String, String>) -> Graph {
    let mods: BTreeSet<&str> = files.keys().map(String::as_str).collect();
    let longest = |parts: &[&str]| -> Option<String> {
        (1..=parts.len())
            .rev()
            .map(|k| parts[..k].join("::"))
            .find(|c| mods.contains(c.as_str()))
    };
    let mut g = Graph::new();
    for (m, src) in files {
        let code = src.split("#[cfg(test)]").next().unwrap_or("");
        let edges = g.entry(m.clone()).or_default();
        for (p, after) in paths_after(code, "crate::") {
            let parts: Vec<&str> = p.split("::").filter(|s| !s.is_empty()).collect();
            if let Some(t) = longest(&parts) {
                edges.insert(t);
            }
            // `crate::a::{b, c::d}`: each of b and c may be a module of its own.
            if let Some(inner) = after.strip_prefix('{').and_then(|t| t.split('}').next()) {
                let base = p.trim_end_matches("::");
                for item in inner.split(',') {
                    let first = item.trim().split("::").next().unwrap_or("").trim();
                    let cand = format!("{base}::{first}");
                    if mods.contains(cand.as_str()) {
                        edges.insert(cand);
                    }
                }
            }
        }
        let parent = m.rsplit_once("::").map(|(p, _)| p.to_string());
        for (p, _) in paths_after(code, "super::") {
            let first = p.split("::").next().unwrap_or("");
            let target = match &parent {
                Some(par) if mods.contains(format!("{par}::{first}").as_str()) => {
                    format!("{par}::{first}")
                }
                Some(par) => par.clone(),
                None if mods.contains(first) => first.to_string(),
                None => continue,
            };
            edges.insert(target);
        }
        edges.remove(m);
    }
    g
}

/// The strongly connected components with more than one module (Tarjan).
fn cycles(g: &Graph) -> Vec<Vec<String>> {
    struct T<'a> {
        g: &'a Graph,
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        on: BTreeSet<&'a str>,
        out: Vec<Vec<String>>,
    }
    fn visit<'a>(t: &mut T<'a>, v: &'a str) {
        let n = t.index.len();
        t.index.insert(v, n);
        t.low.insert(v, n);
        t.stack.push(v);
        t.on.insert(v);
        for w in t.g.get(v).into_iter().flatten() {
            let w = w.as_str();
            if !t.index.contains_key(w) {
                visit(t, w);
                let lw = t.low[w];
                let lv = t.low.get_mut(v).unwrap();
                *lv = (*lv).min(lw);
            } else if t.on.contains(w) {
                let iw = t.index[w];
                let lv = t.low.get_mut(v).unwrap();
                *lv = (*lv).min(iw);
            }
        }
        if t.low[v] == t.index[v] {
            let mut comp = Vec::new();
            while let Some(w) = t.stack.pop() {
                t.on.remove(w);
                comp.push(w.to_string());
                if w == v {
                    break;
                }
            }
            if comp.len() > 1 {
                comp.sort();
                t.out.push(comp);
            }
        }
    }
    let mut t = T {
        g,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on: BTreeSet::new(),
        out: Vec::new(),
    };
    for v in g.keys() {
        if !t.index.contains_key(v.as_str()) {
            visit(&mut t, v);
        }
    }
    t.out
}

fn describe(g: &Graph, comp: &[String]) -> String {
    comp.iter()
        .map(|m| {
            let inside: Vec<&str> = g[m]
                .iter()
                .filter(|t| comp.contains(t))
                .map(String::as_str)
                .collect();
            format!("  {m} -> {}", inside.join(", "))
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn src_has_no_import_cycle() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let files = read_tree(&root);
    assert!(files.len() > 50, "read {} modules", files.len());
    let g = graph(&files);
    let found = cycles(&g);
    let text: Vec<String> = found.iter().map(|c| describe(&g, c)).collect();
    assert!(
        found.is_empty(),
        "import cycles in src/:\n{}",
        text.join("\n")
    );
}

/// The checker itself sees the cycles this repository once had, so a pass above means
/// something.
#[test]
fn the_checker_finds_cycles_of_each_kind() {
    let files: BTreeMap<String, String> = [
        // Through a brace list: `i18n` names a domain module inside `{…}`.
        ("domain", "pub mod vocab;"),
        ("domain::vocab", "use crate::i18n::Lang;"),
        ("i18n", "use crate::domain::{vocab::Term, Issue};"),
        // Through `super::` in a sibling module.
        ("ui", "pub mod a; pub mod b;"),
        ("ui::a", "use super::b::X;"),
        ("ui::b", "use crate::ui::a::Y;"),
        // Test code does not count.
        ("x", "fn f() {}\n#[cfg(test)]\nmod tests { use crate::y; }"),
        ("y", "use crate::x;"),
    ]
    .into_iter()
    .map(|(m, s)| (m.to_string(), s.to_string()))
    .collect();
    let found = cycles(&graph(&files));
    assert_eq!(
        found,
        vec![
            vec!["domain::vocab".to_string(), "i18n".to_string()],
            vec!["ui::a".to_string(), "ui::b".to_string()],
        ]
    );
}
