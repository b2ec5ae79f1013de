//! Open Referral HSDS tabular packages: a folder of CSV files, one per table, described by a
//! datapackage.json.
//!
//! Reading accepts HSDS 1.x file names (`services_at_location.csv`, `physical_addresses.csv`,
//! `regular_schedules.csv` with `weekday`) and 3.x ones (`service_at_locations.csv`,
//! `addresses.csv`, `schedules.csv` with iCal `byday`), finds files through datapackage.json
//! when it names them, and joins the tables into one meja agency per HSDS organization.
//!
//! Writing uses the 1.x plural names. 3.0 made JSON canonical but kept this tabular form, and
//! 3.x tools read it; where the versions differ we write both spellings in one row (`weekday`
//! and `byday`; `service_area` and `extent`), so either kind of reader finds what it expects.

use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};

use super::table::{Row, Table};
use super::{
    Areas, Parsed, RowProblem, csv_bytes, export_ids, infer_kind, parse_day, parse_flag,
    vocab_code, write_file,
};
use crate::domain::agency::{Agency, Opening, parse_clock, weekday_index};
use crate::domain::region;
use crate::domain::text::clean_line;
use crate::domain::vocab::{AGENCY_KINDS, SERVICES, Vocab};
use crate::error::{Error, Result};
use crate::i18n::{Lang, Msg, fill};

/// The taxonomy vocabulary our export files service codes under.
const SERVICE_VOCAB: &str = "meja:layanan";
/// The taxonomy vocabulary our export files the agency kind under.
const KIND_VOCAB: &str = "meja:jenis_lembaga";
/// `extent_type` of a service area whose `extent` is a Kemendagri region code.
const KEMENDAGRI: &str = "kemendagri";

/// One HSDS table: the datapackage resource names and file names it goes by across versions.
struct Spec {
    resources: &'static [&'static str],
    files: &'static [&'static str],
}

const ORGANIZATIONS: Spec = Spec {
    resources: &["organization", "organizations"],
    files: &["organizations.csv", "organization.csv"],
};
const SERVICES_T: Spec = Spec {
    resources: &["service", "services"],
    files: &["services.csv", "service.csv"],
};
const LOCATIONS: Spec = Spec {
    resources: &["location", "locations"],
    files: &["locations.csv", "location.csv"],
};
const SERVICE_AT_LOCATION: Spec = Spec {
    resources: &[
        "service_at_location",
        "services_at_location",
        "service_at_locations",
    ],
    files: &[
        "services_at_location.csv",
        "service_at_locations.csv",
        "service_at_location.csv",
    ],
};
const PHONES: Spec = Spec {
    resources: &["phone", "phones"],
    files: &["phones.csv", "phone.csv"],
};
const ADDRESSES: Spec = Spec {
    resources: &[
        "physical_address",
        "physical_addresses",
        "address",
        "addresses",
    ],
    files: &["physical_addresses.csv", "addresses.csv"],
};
const SCHEDULES: Spec = Spec {
    resources: &[
        "regular_schedule",
        "regular_schedules",
        "schedule",
        "schedules",
    ],
    files: &["regular_schedules.csv", "schedules.csv"],
};
const SERVICE_AREAS: Spec = Spec {
    resources: &["service_area", "service_areas"],
    files: &["service_areas.csv", "service_area.csv"],
};
// "taxonomy" is the terms table in 1.x but the vocabularies table in 3.x, so that resource
// name is left out of both and only the file name decides.
const TERMS: Spec = Spec {
    resources: &["taxonomy_term", "taxonomy_terms"],
    files: &["taxonomy.csv", "taxonomy_terms.csv"],
};
const TAXONOMIES: Spec = Spec {
    resources: &["taxonomies"],
    files: &["taxonomies.csv"],
};
const SERVICE_TAXONOMY: Spec = Spec {
    resources: &["service_taxonomy", "services_taxonomy"],
    files: &["services_taxonomy.csv", "service_taxonomy.csv"],
};
const ATTRIBUTES: Spec = Spec {
    resources: &["attribute", "attributes"],
    files: &["attributes.csv"],
};
const HOLIDAYS: Spec = Spec {
    resources: &["holiday_schedule", "holiday_schedules"],
    files: &["holiday_schedules.csv", "holiday_schedule.csv"],
};
const CONTACTS: Spec = Spec {
    resources: &["contact", "contacts"],
    files: &["contacts.csv"],
};

/// The package folder: where its datapackage.json says the tables are, and what is in it.
struct Package {
    dir: PathBuf,
    /// (resource name in lower case, path relative to the folder) from datapackage.json.
    resources: Vec<(String, String)>,
    /// File names in the folder, for a case-insensitive match of the known names.
    entries: Vec<String>,
}

impl Package {
    fn open(dir: &Path) -> Result<Package> {
        let entries = std::fs::read_dir(dir)
            .map_err(|e| Error::new(Msg::ErrDirRead, &[&dir.display(), &e]))?
            .filter_map(|e| e.ok())
            .filter(|e| e.path().is_file())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        let mut pkg = Package {
            dir: dir.to_path_buf(),
            resources: Vec::new(),
            entries,
        };
        let json = dir.join("datapackage.json");
        if json.is_file() {
            let bad = |e: &dyn std::fmt::Display| {
                Error::new(Msg::ErrDirDatapackage, &[&dir.display(), e])
            };
            // A descriptor names a few dozen files: one of megabytes is not a descriptor.
            let size = std::fs::metadata(&json).map_err(|e| bad(&e))?.len();
            if size > super::table::MAX_FILE_BYTES / 8 {
                return Err(bad(&format!("{size} bytes")));
            }
            let text = std::fs::read(&json).map_err(|e| bad(&e))?;
            let v: serde_json::Value =
                serde_json::from_str(&super::table::decode(&text).text).map_err(|e| bad(&e))?;
            for r in v["resources"].as_array().into_iter().flatten() {
                let name = r["name"].as_str().unwrap_or("").trim().to_lowercase();
                // A multipart resource lists several files; the first holds the header.
                let path = match &r["path"] {
                    serde_json::Value::String(p) => p.as_str(),
                    serde_json::Value::Array(ps) => {
                        ps.first().and_then(|p| p.as_str()).unwrap_or("")
                    }
                    _ => "",
                };
                pkg.resources.push((name, path.replace('\\', "/")));
            }
        }
        Ok(pkg)
    }

    /// The file holding `spec`'s table and the name problems give it: datapackage.json first
    /// (by file name, then by resource name), then the known names in the folder.
    fn locate(&self, spec: &Spec) -> Option<(PathBuf, String)> {
        let base = |p: &str| p.rsplit('/').next().unwrap_or(p).to_lowercase();
        let listed = self
            .resources
            .iter()
            .filter(|(_, p)| spec.files.contains(&base(p).as_str()))
            .chain(
                self.resources
                    .iter()
                    .filter(|(n, _)| spec.resources.contains(&n.as_str())),
            );
        for (_, p) in listed {
            // A package is a folder someone sent us: a path may not lead out of it.
            let rel = Path::new(p);
            let inside = !p.is_empty()
                && !p.contains("://")
                && rel
                    .components()
                    .all(|c| matches!(c, Component::Normal(_) | Component::CurDir));
            if inside && self.dir.join(rel).is_file() {
                return Some((self.dir.join(rel), p.trim_start_matches("./").to_string()));
            }
        }
        spec.files.iter().find_map(|f| {
            self.entries
                .iter()
                .find(|e| e.eq_ignore_ascii_case(f))
                .map(|e| (self.dir.join(e), e.clone()))
        })
    }

    fn table(&self, spec: &Spec) -> Result<Option<Table>> {
        self.locate(spec)
            .map(|(path, name)| Table::read(&path, &name))
            .transpose()
    }
}

/// Reads an HSDS tabular package: the folder, or its datapackage.json or organizations.csv.
pub fn read_hsds(dir: &Path) -> Result<Parsed> {
    let dir = if dir.is_file() {
        dir.parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."))
    } else {
        dir
    };
    if !dir.is_dir() {
        return Err(Error::new(Msg::ErrDirNotFound, &[&dir.display()]));
    }
    let pkg = Package::open(dir)?;
    let orgs = pkg
        .table(&ORGANIZATIONS)?
        .ok_or_else(|| Error::new(Msg::ErrDirNoOrganizations, &[&dir.display()]))?;
    let mut r = Reader::default();
    r.notices.extend(orgs.notices.iter().cloned());
    r.organizations(&orgs);
    if let Some(t) = pkg.table(&SERVICES_T)? {
        r.notices.extend(t.notices.iter().cloned());
        r.services(&t);
    }
    if let Some(t) = pkg.table(&SERVICE_AT_LOCATION)? {
        r.notices.extend(t.notices.iter().cloned());
        r.services_at_location(&t);
    }
    if let Some(t) = pkg.table(&LOCATIONS)? {
        r.notices.extend(t.notices.iter().cloned());
        r.locations(&t);
    }
    let taxonomies = pkg.table(&TAXONOMIES)?;
    if let Some(t) = &taxonomies {
        r.notices.extend(t.notices.iter().cloned());
    }
    if let Some(t) = pkg.table(&TERMS)? {
        r.notices.extend(t.notices.iter().cloned());
        r.terms(&t, taxonomies.as_ref());
    }
    if let Some(t) = pkg.table(&SERVICE_TAXONOMY)? {
        r.notices.extend(t.notices.iter().cloned());
        r.service_taxonomy(&t);
    }
    if let Some(t) = pkg.table(&ATTRIBUTES)? {
        r.notices.extend(t.notices.iter().cloned());
        r.attributes(&t);
    }
    r.classify();
    if let Some(t) = pkg.table(&ADDRESSES)? {
        r.notices.extend(t.notices.iter().cloned());
        r.addresses(&t);
    }
    if let Some(t) = pkg.table(&PHONES)? {
        r.notices.extend(t.notices.iter().cloned());
        r.phones(&t);
    }
    if let Some(t) = pkg.table(&SCHEDULES)? {
        r.notices.extend(t.notices.iter().cloned());
        r.schedules(&t);
    }
    if let Some(t) = pkg.table(&SERVICE_AREAS)? {
        r.notices.extend(t.notices.iter().cloned());
        r.service_areas(&t);
    }
    if let Some(t) = pkg.table(&CONTACTS)? {
        r.notices.extend(t.notices.iter().cloned());
        r.contacts(&t);
    }
    if let Some(t) = pkg.table(&HOLIDAYS)? {
        r.notices.extend(t.notices.iter().cloned());
        r.holidays(&t);
    }
    Ok(r.finish())
}

/// Ids join the tables; compared trimmed and without case, since one export writes a UUID in
/// capitals in one file and small letters in the next.
fn key(s: &str) -> String {
    s.trim().to_lowercase()
}

/// An organization being assembled from the tables.
struct Org {
    /// Its row, for the message about a later row with the same id.
    line: usize,
    agency: Agency,
    /// Set by a taxonomy term in our kind vocabulary; otherwise guessed from the name.
    kind: Option<&'static str>,
    /// Its services, and how many of them are inactive or defunct: all closed is an
    /// organization that no longer serves anyone.
    services: usize,
    closed: usize,
    /// Locations in file order; the first with an address gives the agency's.
    locations: Vec<String>,
    /// Many tools put the email on the service, not the organization.
    email_fallback: String,
    /// What the package says that meja has no field for (a service's own name and
    /// description, a phone extension, a web address, holidays), kept in the notes.
    extra: Vec<String>,
}

/// A service row, kept until the taxonomy is read to decide its meja service code.
struct Service {
    org: usize,
    line: usize,
    file: String,
    name: String,
    /// The header of its name column, for the message if the name means nothing to us.
    column: String,
    description: String,
    /// Keys of the taxonomy terms linked to it.
    terms: Vec<String>,
}

struct Term {
    code: String,
    name: String,
    vocabulary: String,
}

#[derive(Default)]
struct Reader {
    orgs: Vec<Org>,
    org_by_key: HashMap<String, usize>,
    services: Vec<Service>,
    service_by_key: HashMap<String, usize>,
    location_org: HashMap<String, usize>,
    /// service_at_location id → (service key, location key).
    sal: HashMap<String, (String, String)>,
    terms: HashMap<String, Term>,
    /// Terms linked straight to an organization (3.x attributes).
    org_terms: Vec<(usize, String)>,
    addresses: HashMap<String, String>,
    problems: Vec<RowProblem>,
    notices: Vec<RowProblem>,
}

impl Reader {
    fn problem(&mut self, t: &Table, row: &Row, msg: Msg, args: &[&dyn std::fmt::Display]) {
        self.problems
            .push(RowProblem::new(&t.file, row.line, msg, args));
    }

    /// A row read, with something the office should know (kept elsewhere, or not kept).
    fn notice(&mut self, t: &Table, row: &Row, msg: Msg, args: &[&dyn std::fmt::Display]) {
        self.notices
            .push(RowProblem::new(&t.file, row.line, msg, args));
    }

    /// A row whose organization is not in the package (or was skipped) has nowhere to go:
    /// said, rather than dropped without a line.
    fn orphan(&mut self, t: &Table, row: &Row) {
        let links: Vec<String> = [
            "organization_id",
            "service_id",
            "location_id",
            "service_at_location_id",
        ]
        .iter()
        .filter_map(|c| {
            let v = t.cell(row, &[c]);
            (!v.is_empty()).then(|| format!("{c} {v}"))
        })
        .collect();
        let links = if links.is_empty() {
            "—".to_string()
        } else {
            links.join(", ")
        };
        self.problem(t, row, Msg::RowNoOrganization, &[&links]);
    }

    /// Keeps `text` in the organization's notes, once.
    fn keep(&mut self, org: usize, text: String) {
        let extra = &mut self.orgs[org].extra;
        if !text.trim().is_empty() && !extra.contains(&text) {
            extra.push(text);
        }
    }

    fn organizations(&mut self, t: &Table) {
        let id_col = t.column(&["id"]);
        let name_col = t.column(&["name"]);
        for row in &t.rows {
            let id = row.get(id_col);
            let name = clean_line(row.get(name_col));
            if id.is_empty() {
                self.problem(t, row, Msg::RowIdRequired, &[&t.header(id_col, "id")]);
                continue;
            }
            if name.trim().is_empty() {
                self.problem(t, row, Msg::RowNameRequired, &[&t.header(name_col, "name")]);
                continue;
            }
            if let Some(&first) = self.org_by_key.get(&key(id)) {
                let line = self.orgs[first].line;
                self.problem(
                    t,
                    row,
                    Msg::RowDuplicateId,
                    &[&t.header(id_col, "id"), &id, &line],
                );
                continue;
            }
            let mut a = Agency {
                source_id: id.to_string(),
                name,
                email: t.cell(row, &["email"]).to_string(),
                notes: t.cell(row, &["description"]).to_string(),
                contact: t.cell(row, &["x_contact"]).to_string(),
                ..Agency::default()
            };
            let verified = t.cell(row, &["x_last_verified"]);
            if !verified.is_empty() {
                a.verified = parse_day(verified);
                if a.verified.is_none() {
                    let col = t.header(t.column(&["x_last_verified"]), "x_last_verified");
                    self.problem(t, row, Msg::RowBadDate, &[&col, &verified]);
                }
            }
            let url = clean_line(t.cell(row, &["url", "website"]));
            let example = t.cell(row, &["x_example"]);
            if !example.is_empty() {
                match parse_flag(example) {
                    Some(b) => a.example = b,
                    None => {
                        let col = t.header(t.column(&["x_example"]), "x_example");
                        self.problem(t, row, Msg::RowBadYesNo, &[&col, &example]);
                    }
                }
            }
            let extra = if url.is_empty() {
                Vec::new()
            } else {
                let col = t.header(t.column(&["url", "website"]), "url");
                self.notice(t, row, Msg::RowKeptInNotes, &[&col, &url]);
                vec![fill(Msg::HsdsNoteUrl.get(Lang::Id), &[&url])]
            };
            self.org_by_key.insert(key(id), self.orgs.len());
            self.orgs.push(Org {
                line: row.line,
                agency: a,
                kind: None,
                services: 0,
                closed: 0,
                locations: Vec::new(),
                email_fallback: String::new(),
                extra,
            });
        }
    }

    fn services(&mut self, t: &Table) {
        let name_col = t.column(&["name"]);
        for row in &t.rows {
            let Some(&org) = self.org_by_key.get(&key(t.cell(row, &["organization_id"]))) else {
                self.orphan(t, row);
                continue;
            };
            let o = &mut self.orgs[org];
            o.services += 1;
            if matches!(
                t.cell(row, &["status"]).to_lowercase().as_str(),
                "inactive" | "defunct"
            ) {
                o.closed += 1;
            }
            if o.email_fallback.is_empty() {
                o.email_fallback = t.cell(row, &["email"]).to_string();
            }
            let id = key(t.cell(row, &["id"]));
            if !id.is_empty() {
                self.service_by_key.insert(id, self.services.len());
            }
            self.services.push(Service {
                org,
                line: row.line,
                file: t.file.clone(),
                name: clean_line(row.get(name_col)),
                column: t.header(name_col, "name"),
                description: clean_line(t.cell(row, &["description"])),
                terms: Vec::new(),
            });
        }
    }

    fn services_at_location(&mut self, t: &Table) {
        for row in &t.rows {
            let id = key(t.cell(row, &["id"]));
            if !id.is_empty() {
                let service = key(t.cell(row, &["service_id"]));
                let location = key(t.cell(row, &["location_id"]));
                self.sal.insert(id, (service, location));
            }
        }
    }

    /// A location belongs to its organization_id, or (1.x files often leave that empty) to
    /// the organization of the first service offered there.
    fn locations(&mut self, t: &Table) {
        for row in &t.rows {
            let loc = key(t.cell(row, &["id"]));
            if loc.is_empty() {
                continue;
            }
            let org = self
                .org_by_key
                .get(&key(t.cell(row, &["organization_id"])))
                .copied()
                .or_else(|| {
                    self.sal
                        .values()
                        .filter(|(_, l)| *l == loc)
                        .find_map(|(s, _)| self.service_by_key.get(s))
                        .map(|&s| self.services[s].org)
                });
            match org {
                Some(org) => {
                    self.location_org.insert(loc.clone(), org);
                    self.orgs[org].locations.push(loc);
                    // A location's own name ("gedung utama", a branch) has no meja field.
                    let name = clean_line(t.cell(row, &["name"]));
                    if !name.is_empty() && !name.eq_ignore_ascii_case(&self.orgs[org].agency.name) {
                        let col = t.header(t.column(&["name"]), "name");
                        self.notice(t, row, Msg::RowKeptInNotes, &[&col, &name]);
                        self.keep(org, fill(Msg::HsdsNoteLocation.get(Lang::Id), &[&name]));
                    }
                }
                None => self.orphan(t, row),
            }
        }
    }

    fn terms(&mut self, t: &Table, taxonomies: Option<&Table>) {
        let vocab_names: HashMap<String, String> = taxonomies
            .map(|tx| {
                tx.rows
                    .iter()
                    .map(|r| {
                        (
                            key(tx.cell(r, &["id"])),
                            tx.cell(r, &["name"]).to_lowercase(),
                        )
                    })
                    .collect()
            })
            .unwrap_or_default();
        for row in &t.rows {
            let mut vocabulary = t.cell(row, &["vocabulary", "taxonomy"]).to_lowercase();
            if vocabulary.is_empty() {
                vocabulary = vocab_names
                    .get(&key(t.cell(row, &["taxonomy_id"])))
                    .cloned()
                    .unwrap_or_default();
            }
            self.terms.insert(
                key(t.cell(row, &["id"])),
                Term {
                    code: t.cell(row, &["code"]).to_string(),
                    name: t.cell(row, &["name", "term"]).to_string(),
                    vocabulary,
                },
            );
        }
    }

    fn service_taxonomy(&mut self, t: &Table) {
        for row in &t.rows {
            if let Some(&s) = self.service_by_key.get(&key(t.cell(row, &["service_id"]))) {
                self.services[s]
                    .terms
                    .push(key(t.cell(row, &["taxonomy_id", "taxonomy_term_id"])));
            }
        }
    }

    /// 3.x attributes link a taxonomy term to any record; we use those on services and
    /// organizations. Without `link_entity` an id is tried as a service, then as an
    /// organization.
    fn attributes(&mut self, t: &Table) {
        for row in &t.rows {
            let link = key(t.cell(row, &["link_id"]));
            let term = key(t.cell(row, &["taxonomy_term_id"]));
            let entity = t.cell(row, &["link_entity", "link_type"]).to_lowercase();
            let service = self.service_by_key.get(&link).copied();
            let org = self.org_by_key.get(&link).copied();
            match entity.as_str() {
                "service" => service
                    .into_iter()
                    .for_each(|s| self.services[s].terms.push(term.clone())),
                "organization" => org
                    .into_iter()
                    .for_each(|o| self.org_terms.push((o, term.clone()))),
                _ => match (service, org) {
                    (Some(s), _) => self.services[s].terms.push(term),
                    (None, Some(o)) => self.org_terms.push((o, term)),
                    (None, None) => {}
                },
            }
        }
    }

    fn kind_of(&self, term: &str) -> Option<&'static str> {
        let t = self.terms.get(term)?;
        (t.vocabulary == KIND_VOCAB)
            .then(|| term_code(&AGENCY_KINDS, t))
            .flatten()
    }

    /// Each service's meja service code, from its taxonomy terms or else its name; the kind
    /// from a term in our kind vocabulary.
    fn classify(&mut self) {
        for (o, term) in std::mem::take(&mut self.org_terms) {
            if self.orgs[o].kind.is_none() {
                self.orgs[o].kind = self.kind_of(&term);
            }
        }
        for i in 0..self.services.len() {
            let s = &self.services[i];
            let mut codes = Vec::new();
            for term in &s.terms {
                if let Some(kind) = self.kind_of(term) {
                    self.orgs[s.org].kind.get_or_insert(kind);
                    continue;
                }
                // A kind code may also be a service code (kesehatan, rumah_aman): only terms
                // outside the kind vocabulary count as services.
                if let Some(t) = self.terms.get(term)
                    && t.vocabulary != KIND_VOCAB
                    && let Some(code) = term_code(&SERVICES, t)
                {
                    codes.push(code);
                }
            }
            let own_label = vocab_code(&SERVICES, &s.name);
            if codes.is_empty() {
                match own_label.or_else(|| service_rule(&s.name)) {
                    Some(code) => codes.push(code),
                    // A service named like its organization (or unnamed) is the organization
                    // itself offering "its services": our export writes one for an agency
                    // without service codes, and many directories have them.
                    None if s.name.is_empty()
                        || s.name.eq_ignore_ascii_case(&self.orgs[s.org].agency.name) => {}
                    // Nothing says which of meja's services it is: kept as "lainnya", for the
                    // office to map on the agency sheet.
                    None => codes.push(OTHER_SERVICE),
                }
            }
            // A service with a name of its own (not one of meja's labels) keeps its name and
            // description in the notes, and the office is told where it went.
            let free_text = own_label.is_none()
                && !s.name.is_empty()
                && !s.name.eq_ignore_ascii_case(&self.orgs[s.org].agency.name);
            if free_text {
                let (name, description) = (s.name.clone(), s.description.clone());
                let (file, line, column) = (s.file.clone(), s.line, s.column.clone());
                let mapped = codes
                    .iter()
                    .map(|c| SERVICES.label(c, Lang::Id))
                    .collect::<Vec<_>>()
                    .join(", ");
                let msg = if codes == [OTHER_SERVICE] {
                    Msg::RowServiceUnmapped
                } else {
                    Msg::RowServiceMapped
                };
                self.notices.push(RowProblem::new(
                    &file,
                    line,
                    msg,
                    &[&column, &name, &mapped],
                ));
                let kept = if description.is_empty() {
                    fill(Msg::HsdsNoteService.get(Lang::Id), &[&name, &mapped])
                } else {
                    fill(
                        Msg::HsdsNoteServiceDescribed.get(Lang::Id),
                        &[&name, &mapped, &description],
                    )
                };
                let org = self.services[i].org;
                self.keep(org, kept);
            }
            let s = &self.services[i];
            let org = &mut self.orgs[s.org].agency;
            org.services.extend(codes.into_iter().map(str::to_string));
        }
    }

    /// The physical address of each location: 3.x `addresses.csv` also holds postal and
    /// virtual ones, which are not where a child is taken.
    fn addresses(&mut self, t: &Table) {
        for row in &t.rows {
            let kind = t.cell(row, &["address_type"]).to_lowercase();
            if !(kind.is_empty() || kind == "physical") {
                continue;
            }
            // Postcode and country belong to the address: dropped, a New York address came
            // back out of meja's export as one in Indonesia. Indonesia's own code is implied.
            let country = t.cell(row, &["country"]);
            let country = if country.eq_ignore_ascii_case("id") {
                ""
            } else {
                country
            };
            let parts = [
                "address_1",
                "address_2",
                "city",
                "state_province",
                "postal_code",
            ]
            .iter()
            .map(|c| t.cell(row, &[c]))
            .chain(std::iter::once(country))
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>();
            if !parts.is_empty() {
                self.addresses
                    .entry(key(t.cell(row, &["location_id"])))
                    .or_insert_with(|| parts.join(", "));
            }
        }
    }

    /// The organization a row of phones or schedules belongs to, through whichever link it
    /// fills: organization, service, location, or service at a location.
    fn owner(&self, t: &Table, row: &Row) -> Option<usize> {
        // An empty link is no link, whatever else has an empty id.
        let via = |col: &str| Some(key(t.cell(row, &[col]))).filter(|k| !k.is_empty());
        via("organization_id")
            .and_then(|k| self.org_by_key.get(&k).copied())
            .or_else(|| {
                via("service_id")
                    .and_then(|k| self.service_by_key.get(&k).copied())
                    .map(|s| self.services[s].org)
            })
            .or_else(|| via("location_id").and_then(|k| self.location_org.get(&k).copied()))
            .or_else(|| {
                let (s, l) = self.sal.get(&via("service_at_location_id")?)?;
                self.service_by_key
                    .get(s)
                    .map(|&s| self.services[s].org)
                    .or_else(|| self.location_org.get(l).copied())
            })
    }

    fn phones(&mut self, t: &Table) {
        for row in &t.rows {
            let Some(org) = self.owner(t, row) else {
                self.orphan(t, row);
                continue;
            };
            let number = t.cell(row, &["number"]);
            // The rule the agency sheet and the spreadsheet import use: a number the sheet
            // would refuse on save is reported and its row skipped, not imported to block
            // that save later.
            if !number.is_empty() && !crate::domain::agency::phone_ok(number) {
                let col = t.header(t.column(&["number"]), "number");
                self.problem(t, row, Msg::RowBadPhone, &[&col, &number]);
                continue;
            }
            let phones = &mut self.orgs[org].agency.phones;
            if !number.is_empty() && !phones.iter().any(|p| p == number) {
                phones.push(number.to_string());
            }
            // A meja phone is a number to dial; the extension to ask for goes in the notes.
            let ext = clean_line(t.cell(row, &["extension"]));
            if !number.is_empty() && !ext.is_empty() {
                let col = t.header(t.column(&["extension"]), "extension");
                self.notice(t, row, Msg::RowKeptInNotes, &[&col, &ext]);
                let kept = fill(
                    Msg::HsdsNoteExtension.get(Lang::Id),
                    &[&clean_line(number), &ext],
                );
                self.keep(org, kept);
            }
        }
    }

    /// Opening hours, one row per day (1.x `weekday`) or per set of days (3.x `byday`).
    ///
    /// HSDS 1.1.1 fixed `weekday` as ISO 8601 numbering, 1 = Monday … 7 = Sunday
    /// (openreferral/specification issue #164, "regular_schedule.weekday is an Integer - what
    /// are the values?", resolved for 1.1.1; Ohana API, the reference 1.x implementation, also
    /// reads 1 as Monday and accepts day names). A day name is accepted here too.
    ///
    /// A meja day holds one opening, so several rows for one day (9–12 and 13–17, or two
    /// services with different hours) become the span from the earliest opening to the latest
    /// closing: the hours in which someone there can be reached.
    fn schedules(&mut self, t: &Table) {
        for row in &t.rows {
            let Some(org) = self.owner(t, row) else {
                self.orphan(t, row);
                continue;
            };
            let freq = t.cell(row, &["freq"]).to_uppercase();
            // Monthly and yearly rules ("second Monday") are not weekly opening hours: kept
            // in the notes as the file says them.
            if !matches!(freq.as_str(), "" | "WEEKLY" | "DAILY") {
                let said = [
                    "description",
                    "freq",
                    "byday",
                    "bymonthday",
                    "opens_at",
                    "closes_at",
                ]
                .iter()
                .map(|c| clean_line(t.cell(row, &[c])))
                .filter(|v| !v.is_empty())
                .collect::<Vec<_>>()
                .join(" ");
                let col = t.header(t.column(&["freq"]), "freq");
                self.notice(t, row, Msg::RowKeptInNotes, &[&col, &said]);
                self.keep(org, fill(Msg::HsdsNoteSchedule.get(Lang::Id), &[&said]));
                continue;
            }
            let opens = t.cell(row, &["opens_at"]);
            let closes = t.cell(row, &["closes_at"]);
            if opens.is_empty() && closes.is_empty() {
                continue;
            }
            let days = match self.days(t, row, &freq) {
                Ok(days) => days,
                Err(()) => continue,
            };
            let (o, c) = match (hsds_time(opens), hsds_time(closes)) {
                (Some(o), Some(c)) if o < c => (o, if c == 23 * 60 + 59 { 1440 } else { c }),
                // `9:00`–`5:00` is readable: it closes before it opens (a 12-hour clock
                // without pm, most likely). Said so, not "cannot read 5:00".
                (Some(o), Some(c)) => {
                    let col = t.header(t.column(&["closes_at"]), "closes_at");
                    self.problem(
                        t,
                        row,
                        Msg::RowClosesBeforeOpens,
                        &[&col, &clock(c), &clock(o)],
                    );
                    continue;
                }
                (None, _) => {
                    let col = t.header(t.column(&["opens_at"]), "opens_at");
                    self.problem(t, row, Msg::RowBadTime, &[&col, &opens]);
                    continue;
                }
                _ => {
                    let col = t.header(t.column(&["closes_at"]), "closes_at");
                    self.problem(t, row, Msg::RowBadTime, &[&col, &closes]);
                    continue;
                }
            };
            let week = &mut self.orgs[org].agency.hours;
            for d in days {
                week.0[d] = Some(match week.0[d] {
                    Some(was) => Opening {
                        opens: was.opens.min(o),
                        closes: was.closes.max(c),
                    },
                    None => Opening {
                        opens: o,
                        closes: c,
                    },
                });
            }
        }
    }

    /// The days (Monday 0) a schedule row covers; Err once its problem is recorded.
    fn days(&mut self, t: &Table, row: &Row, freq: &str) -> Result<Vec<usize>, ()> {
        let weekday = t.cell(row, &["weekday"]);
        if !weekday.is_empty() {
            let day = match weekday.parse::<usize>() {
                Ok(n) if (1..=7).contains(&n) => Some(n - 1),
                Ok(_) => None,
                Err(_) => weekday_index(weekday),
            };
            return day.map(|d| vec![d]).ok_or_else(|| {
                let col = t.header(t.column(&["weekday"]), "weekday");
                self.problem(t, row, Msg::RowBadDay, &[&col, &weekday]);
            });
        }
        let byday = t.cell(row, &["byday"]);
        if byday.is_empty() {
            if freq == "DAILY" {
                return Ok((0..7).collect());
            }
            let col = t.header(t.column(&["weekday", "byday"]), "byday");
            self.problem(t, row, Msg::RowBadDay, &[&col, &"—"]);
            return Err(());
        }
        let mut days = Vec::new();
        for part in byday.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            match weekday_index(part) {
                Some(d) => days.push(d),
                None => {
                    let col = t.header(t.column(&["byday"]), "byday");
                    self.problem(t, row, Msg::RowBadDay, &[&col, &part]);
                    return Err(());
                }
            }
        }
        Ok(days)
    }

    /// Areas served: `extent` when `extent_type` says it is a Kemendagri code (our export);
    /// otherwise the free-text area name (`service_area` in 1.x, `name` in 3.x), read as a code
    /// or a name only one region has.
    fn service_areas(&mut self, t: &Table) {
        let mut areas = Areas::new();
        for row in &t.rows {
            let Some(org) = self.owner(t, row) else {
                self.orphan(t, row);
                continue;
            };
            let by_code = t
                .cell(row, &["extent_type"])
                .eq_ignore_ascii_case(KEMENDAGRI);
            let (names, text) = if by_code {
                (&["extent"][..], t.cell(row, &["extent"]))
            } else {
                (
                    &["service_area", "name"][..],
                    t.cell(row, &["service_area", "name"]),
                )
            };
            if text.is_empty() {
                continue;
            }
            let code = if by_code {
                region::get(text).map(|r| r.code)
            } else {
                areas.code(text)
            };
            match code {
                Some(c) => {
                    let list = &mut self.orgs[org].agency.areas;
                    if !list.iter().any(|a| a == c) {
                        list.push(c.to_string());
                    }
                }
                None => {
                    let col = t.header(t.column(names), names[0]);
                    self.problem(t, row, Msg::RowUnknownArea, &[&col, &text]);
                }
            }
        }
    }

    /// The first named contact of the organization or its services, unless the organization
    /// row already named one (`x_contact`, our export).
    fn contacts(&mut self, t: &Table) {
        for row in &t.rows {
            let Some(org) = self.owner(t, row) else {
                self.orphan(t, row);
                continue;
            };
            let name = clean_line(t.cell(row, &["name"]));
            let title = clean_line(t.cell(row, &["title"]));
            let email = clean_line(t.cell(row, &["email"]));
            let who = match (name.is_empty(), title.is_empty()) {
                (false, false) => format!("{name} ({title})"),
                (false, true) => name.clone(),
                (true, false) => title.clone(),
                (true, true) => String::new(),
            };
            let a = &mut self.orgs[org].agency;
            if !who.is_empty() && a.contact.is_empty() {
                a.contact = who.clone();
            } else if !who.is_empty() && a.contact != who {
                // One contact per agency in meja: the others are kept in the notes.
                let col = t.header(t.column(&["name"]), "name");
                self.notice(t, row, Msg::RowKeptInNotes, &[&col, &who]);
                self.keep(org, fill(Msg::HsdsNoteContact.get(Lang::Id), &[&who]));
            }
            if !email.is_empty() {
                let a = &mut self.orgs[org].agency;
                if a.email.is_empty() {
                    a.email = email;
                } else if a.email != email {
                    let col = t.header(t.column(&["email"]), "email");
                    self.notice(t, row, Msg::RowKeptInNotes, &[&col, &email]);
                    let kept = fill(Msg::HsdsNoteContactEmail.get(Lang::Id), &[&who, &email]);
                    self.keep(org, kept);
                }
            }
        }
    }

    /// HSDS 1.x holiday schedules: meja's week has no dates, so they are kept in the notes
    /// (and "open now" does not know them), which the office is told.
    fn holidays(&mut self, t: &Table) {
        for row in &t.rows {
            let Some(org) = self.owner(t, row) else {
                self.orphan(t, row);
                continue;
            };
            let start = clean_line(t.cell(row, &["start_date"]));
            let end = clean_line(t.cell(row, &["end_date"]));
            let closed = parse_flag(t.cell(row, &["closed"])).unwrap_or(false);
            let hours = if closed {
                Msg::HsdsClosed.get(Lang::Id).to_string()
            } else {
                format!(
                    "{}–{}",
                    clean_line(t.cell(row, &["opens_at"])),
                    clean_line(t.cell(row, &["closes_at"]))
                )
            };
            let days = if end.is_empty() || end == start {
                start
            } else {
                format!("{start} s.d. {end}")
            };
            let said = format!("{days}: {hours}");
            let col = t.header(t.column(&["start_date"]), "start_date");
            self.notice(t, row, Msg::RowHolidayInNotes, &[&col, &said]);
            self.keep(org, fill(Msg::HsdsNoteHoliday.get(Lang::Id), &[&said]));
        }
    }

    fn finish(self) -> Parsed {
        let Reader {
            orgs,
            addresses,
            problems,
            notices,
            ..
        } = self;
        let agencies = orgs
            .into_iter()
            .map(|o| {
                let mut a = o.agency;
                a.kind = o.kind.unwrap_or_else(|| infer_kind(&a.name)).to_string();
                a.active = o.services == 0 || o.closed < o.services;
                if a.email.is_empty() {
                    a.email = o.email_fallback;
                }
                if let Some(addr) = o.locations.iter().find_map(|l| addresses.get(l)) {
                    a.address = addr.clone();
                }
                if !o.extra.is_empty() {
                    let mut notes = a.notes.trim_end().to_string();
                    for line in o.extra {
                        if !notes.is_empty() {
                            notes.push('\n');
                        }
                        notes.push_str(&line);
                    }
                    a.notes = notes;
                }
                a.clean();
                a
            })
            .collect();
        Parsed {
            agencies,
            problems,
            notices,
        }
    }
}

/// Where a service with a name of its own lands when nothing maps it: shown on the agency
/// sheet as "Layanan lain (belum dipetakan)" for the office to map.
const OTHER_SERVICE: &str = "lainnya";

/// meja's service for a free-text service name, by whole words in English or Indonesian
/// ("Legal Aid Clinic" → bantuan hukum). Only the name: descriptions mention everything.
fn service_rule(name: &str) -> Option<&'static str> {
    const RULES: &[(&str, &[&str])] = &[
        (
            "bantuan_hukum",
            &[
                "legal",
                "lawyer",
                "lawyers",
                "attorney",
                "attorneys",
                "advokat",
                "paralegal",
            ],
        ),
        ("penegakan_hukum", &["police", "polisi", "polres", "polsek"]),
        (
            "kesehatan",
            &[
                "health",
                "medical",
                "clinic",
                "hospital",
                "kesehatan",
                "medis",
                "puskesmas",
                "klinik",
                "dental",
            ],
        ),
        (
            "psikologis",
            &[
                "counseling",
                "counselling",
                "psychological",
                "psychology",
                "mental",
                "therapy",
                "trauma",
                "konseling",
                "psikolog",
                "psikologi",
            ],
        ),
        ("rumah_aman", &["shelter", "shelters", "penampungan"]),
        ("mediasi", &["mediation", "mediasi"]),
        ("penjangkauan", &["outreach", "penjangkauan"]),
        ("pengaduan", &["hotline", "helpline", "pengaduan"]),
        ("rehabilitasi_sosial", &["rehabilitation", "rehabilitasi"]),
        ("reintegrasi_sosial", &["reintegration", "reintegrasi"]),
        ("pemulangan", &["repatriation", "pemulangan"]),
        (
            "tokoh_agama",
            &["pastoral", "chaplain", "chaplaincy", "faith"],
        ),
    ];
    super::first_rule(name, RULES)
}

fn term_code(vocab: &Vocab, t: &Term) -> Option<&'static str> {
    vocab_code(vocab, &t.code).or_else(|| vocab_code(vocab, &t.name))
}

/// `08:00`, `08:00:00`, `8:00`, `08:00Z`, `08:00+07:00`, `09:00-05:00`, `8am`, `5:30 pm`. The
/// time zone is dropped: a directory lists local opening hours.
fn hsds_time(s: &str) -> Option<u16> {
    let s = s.trim().to_lowercase();
    let s = s.trim_end_matches('z');
    let s = match s
        .char_indices()
        .find(|&(i, c)| c == '+' || (c == '-' && i > 0))
    {
        Some((i, _)) => &s[..i],
        None => s,
    };
    let (s, pm) = match (s.strip_suffix("am"), s.strip_suffix("pm")) {
        (Some(t), _) => (t.trim(), Some(false)),
        (_, Some(t)) => (t.trim(), Some(true)),
        _ => (s, None),
    };
    let t = parse_clock(s)?;
    match pm {
        None => Some(t),
        Some(pm) if (60..13 * 60).contains(&t) => {
            let t = t % (12 * 60);
            Some(if pm { t + 12 * 60 } else { t })
        }
        Some(_) => None,
    }
}

/// HSDS has no way to say "24 hours" and suggests 00:00–23:59; we write that and read 23:59 as
/// the end of the day.
fn clock(m: u16) -> String {
    let m = m.min(23 * 60 + 59);
    format!("{:02}:{:02}", m / 60, m % 60)
}

const ORG_FIELDS: &[&str] = &[
    "id",
    "name",
    "description",
    "email",
    "url",
    "x_last_verified",
    "x_contact",
    "x_example",
];
const SERVICE_FIELDS: &[&str] = &["id", "organization_id", "name", "description", "status"];
const LOCATION_FIELDS: &[&str] = &["id", "organization_id", "name"];
const SAL_FIELDS: &[&str] = &["id", "service_id", "location_id"];
const ADDRESS_FIELDS: &[&str] = &[
    "id",
    "location_id",
    "attention",
    "address_1",
    "address_2",
    "city",
    "region",
    "state_province",
    "postal_code",
    "country",
];
const PHONE_FIELDS: &[&str] = &[
    "id",
    "organization_id",
    "service_id",
    "location_id",
    "number",
    "type",
];
const SCHEDULE_FIELDS: &[&str] = &[
    "id",
    "service_id",
    "location_id",
    "service_at_location_id",
    "weekday",
    "opens_at",
    "closes_at",
    "freq",
    "byday",
];
const AREA_FIELDS: &[&str] = &[
    "id",
    "service_id",
    "service_area",
    "description",
    "extent",
    "extent_type",
];
const TAXONOMY_FIELDS: &[&str] = &["id", "name", "parent_id", "vocabulary", "code"];
const SERVICE_TAXONOMY_FIELDS: &[&str] = &["id", "service_id", "taxonomy_id", "taxonomy_detail"];

/// One table to write: datapackage resource name, file, columns, rows.
struct Out {
    resource: &'static str,
    file: &'static str,
    fields: &'static [&'static str],
    rows: Vec<Vec<String>>,
}

impl Out {
    fn new(resource: &'static str, file: &'static str, fields: &'static [&'static str]) -> Out {
        Out {
            resource,
            file,
            fields,
            rows: Vec::new(),
        }
    }

    fn push(&mut self, cells: &[&str]) {
        debug_assert_eq!(cells.len(), self.fields.len(), "{}", self.file);
        self.rows
            .push(cells.iter().map(|c| c.to_string()).collect());
    }
}

const ICAL_DAYS: [&str; 7] = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

/// Writes the package. Every id is derived from the organization's, and rows follow the
/// agencies' order, so the same directory always gives the same bytes.
pub(super) fn write(
    agencies: &[Agency],
    out: &Path,
    lang: Lang,
    rules: &super::outfile::OutRules,
) -> Result<()> {
    super::outfile::create_dir(out, rules)?;
    let mut orgs = Out::new("organization", "organizations.csv", ORG_FIELDS);
    let mut services = Out::new("service", "services.csv", SERVICE_FIELDS);
    let mut locations = Out::new("location", "locations.csv", LOCATION_FIELDS);
    let mut sals = Out::new(
        "service_at_location",
        "services_at_location.csv",
        SAL_FIELDS,
    );
    let mut addresses = Out::new("physical_address", "physical_addresses.csv", ADDRESS_FIELDS);
    let mut phones = Out::new("phone", "phones.csv", PHONE_FIELDS);
    let mut schedules = Out::new("regular_schedule", "regular_schedules.csv", SCHEDULE_FIELDS);
    let mut areas = Out::new("service_area", "service_areas.csv", AREA_FIELDS);
    let mut taxonomy = Out::new("taxonomy", "taxonomy.csv", TAXONOMY_FIELDS);
    let mut links = Out::new(
        "service_taxonomy",
        "services_taxonomy.csv",
        SERVICE_TAXONOMY_FIELDS,
    );

    // Every term of both vocabularies, so the package explains codes other tools meet; a code
    // only a newer meja knows is added as itself, so no link points at nothing.
    let term_id = |vocab: &Vocab, code: &str| format!("{}-{code}", vocab.name);
    let mut extra: Vec<(&Vocab, String)> = Vec::new();
    for a in agencies {
        let mut note = |v: &'static Vocab, c: &str| {
            if !c.is_empty()
                && !v.contains(c)
                && !extra.iter().any(|(w, e)| w.name == v.name && e == c)
            {
                extra.push((v, c.to_string()));
            }
        };
        note(&AGENCY_KINDS, &a.kind);
        a.services.iter().for_each(|s| note(&SERVICES, s));
    }
    for (vocab, tag) in [(&AGENCY_KINDS, KIND_VOCAB), (&SERVICES, SERVICE_VOCAB)] {
        for t in vocab.terms {
            taxonomy.push(&[&term_id(vocab, t.code), t.label(lang), "", tag, t.code]);
        }
        for (_, c) in extra.iter().filter(|(v, _)| v.name == vocab.name) {
            taxonomy.push(&[&term_id(vocab, c), c, "", tag, c]);
        }
    }

    for (a, org) in agencies.iter().zip(export_ids(agencies)) {
        let verified = a.verified.map(|d| d.to_string()).unwrap_or_default();
        orgs.push(&[
            &org,
            &a.name,
            &a.notes,
            &a.email,
            "",
            &verified,
            &a.contact,
            if a.example { "true" } else { "false" },
        ]);
        let location = (!a.address.is_empty()).then(|| format!("{org}-loc"));
        if let Some(loc) = &location {
            locations.push(&[loc, &org, &a.name]);
            // An address read from another country's package ends in its country code (see
            // `addresses`); every other address is in Indonesia.
            let country = a
                .address
                .rsplit(',')
                .next()
                .map(str::trim)
                .filter(|c| c.len() == 2 && c.chars().all(|c| c.is_ascii_uppercase()))
                .unwrap_or("ID");
            addresses.push(&[
                &format!("{org}-addr"),
                loc,
                "",
                &a.address,
                "",
                "",
                "",
                "",
                "",
                country,
            ]);
        }
        for (n, number) in a.phones.iter().enumerate() {
            let kind = if number.starts_with("08") || number.starts_with("+628") {
                "cell"
            } else {
                "voice"
            };
            phones.push(&[
                &format!("{org}-phone-{}", n + 1),
                &org,
                "",
                "",
                number,
                kind,
            ]);
        }
        // One HSDS service per meja service; an agency without any still gets one, named as
        // itself, so its hours, areas and kind have a service to hang from.
        let offered: Vec<(String, String)> = if a.services.is_empty() {
            vec![(format!("{org}-svc-general"), a.name.clone())]
        } else {
            a.services
                .iter()
                .map(|c| {
                    (
                        format!("{org}-svc-{c}"),
                        SERVICES.label(c, lang).to_string(),
                    )
                })
                .collect()
        };
        let status = if a.active { "active" } else { "inactive" };
        for (i, (svc, name)) in offered.iter().enumerate() {
            services.push(&[svc, &org, name, "", status]);
            if let Some(loc) = &location {
                sals.push(&[&format!("{svc}-at-loc"), svc, loc]);
            }
            if !a.kind.is_empty() {
                links.push(&[
                    &format!("{svc}-kind"),
                    svc,
                    &term_id(&AGENCY_KINDS, &a.kind),
                    "",
                ]);
            }
            if let Some(code) = a.services.get(i) {
                links.push(&[
                    &format!("{svc}-service"),
                    svc,
                    &term_id(&SERVICES, code),
                    "",
                ]);
            }
            for (d, open) in a.hours.0.iter().enumerate() {
                if let Some(o) = open {
                    schedules.push(&[
                        &format!("{svc}-day-{}", d + 1),
                        svc,
                        "",
                        "",
                        &(d + 1).to_string(),
                        &clock(o.opens),
                        &clock(o.closes),
                        "WEEKLY",
                        ICAL_DAYS[d],
                    ]);
                }
            }
            for (n, code) in a.areas.iter().enumerate() {
                let name = region::get(code).map_or(code.as_str(), |r| r.name);
                areas.push(&[
                    &format!("{svc}-area-{}", n + 1),
                    svc,
                    name,
                    &region::describe(code),
                    code,
                    KEMENDAGRI,
                ]);
            }
        }
    }

    let tables = [
        orgs, services, locations, sals, addresses, phones, schedules, areas, taxonomy, links,
    ];
    // Every file is checked before any is written: a refusal leaves no half package.
    for name in tables.iter().map(|t| t.file).chain(["datapackage.json"]) {
        super::outfile::check(&out.join(name), rules)?;
    }
    for t in &tables {
        write_file(&out.join(t.file), &csv_bytes(t.fields, &t.rows), rules)?;
    }
    let json = serde_json::to_string_pretty(&datapackage(&tables))
        .expect("a JSON value always serializes");
    write_file(
        &out.join("datapackage.json"),
        format!("{json}\n").as_bytes(),
        rules,
    )
}

/// The Frictionless tabular data package descriptor: each resource's file and columns.
fn datapackage(tables: &[Out]) -> serde_json::Value {
    let field_type = |f: &str| match f {
        "weekday" => "integer",
        "x_example" => "boolean",
        "x_last_verified" => "date",
        _ => "string",
    };
    let resources: Vec<serde_json::Value> = tables
        .iter()
        .map(|t| {
            let fields: Vec<serde_json::Value> = t
                .fields
                .iter()
                .map(|f| serde_json::json!({ "name": f, "type": field_type(f) }))
                .collect();
            serde_json::json!({
                "name": t.resource,
                "path": t.file,
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": { "fields": fields, "primaryKey": "id" },
            })
        })
        .collect();
    serde_json::json!({
        "name": "meja-direktori-lembaga",
        "profile": "tabular-data-package",
        "resources": resources,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hsds_times_in_the_spellings_tools_write() {
        assert_eq!(hsds_time("08:00"), Some(480));
        assert_eq!(hsds_time("08:00:00"), Some(480));
        assert_eq!(hsds_time("8:30"), Some(510));
        assert_eq!(hsds_time("08:00Z"), Some(480));
        assert_eq!(hsds_time("08:00+07:00"), Some(480));
        assert_eq!(hsds_time("09:00-05:00"), Some(540));
        assert_eq!(hsds_time("8am"), Some(480));
        assert_eq!(hsds_time("5:30 pm"), Some(17 * 60 + 30));
        assert_eq!(hsds_time("12pm"), Some(12 * 60));
        assert_eq!(hsds_time("12am"), Some(0));
        assert_eq!(hsds_time("soon"), None);
        assert_eq!(hsds_time(""), None);
        assert_eq!(clock(1440), "23:59");
        assert_eq!(clock(450), "07:30");
    }

    #[test]
    fn our_vocabulary_tags_name_the_domain_vocabularies() {
        assert_eq!(KIND_VOCAB, format!("meja:{}", AGENCY_KINDS.name));
        assert_eq!(SERVICE_VOCAB, format!("meja:{}", SERVICES.name));
    }

    #[test]
    fn package_paths_cannot_leave_the_folder() {
        let dir = tempfile::tempdir().unwrap();
        let inner = dir.path().join("pkg");
        std::fs::create_dir(&inner).unwrap();
        std::fs::write(dir.path().join("organizations.csv"), "id,name\n1,x\n").unwrap();
        std::fs::write(
            inner.join("datapackage.json"),
            r#"{"resources":[{"name":"organization","path":"../organizations.csv"}]}"#,
        )
        .unwrap();
        let pkg = Package::open(&inner).unwrap();
        assert!(pkg.locate(&ORGANIZATIONS).is_none());
        assert!(read_hsds(&inner).is_err());
    }
}
