//! Two workers edited one case: a three-way merge of their intakes, field by field.
//!
//! `base` is the case as this worker opened it, `theirs` what the other worker saved since,
//! `mine` this worker's form. A field only one of them changed takes that change; a field
//! both changed to different values is a [`Contested`] field the worker decides, seeing
//! both. Without this, a refused save left the form holding the other worker's *old* values
//! and the next save quietly put them back (issue 16, point 1).

use super::intake::{Field, Intake, Perpetrator, Victim};

/// A field's value in a form: text (a single choice is its code) or a list of codes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    Text(String),
    Codes(Vec<String>),
}

impl Value {
    /// The value as compared: text trimmed (a trailing space is not a change).
    fn same(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::Text(a), Value::Text(b)) => a.trim() == b.trim(),
            (a, b) => a == b,
        }
    }

    /// As shown in a list of differences: codes joined, like the history's values.
    pub fn shown(&self) -> String {
        match self {
            Value::Text(t) => t.trim().to_string(),
            Value::Codes(c) => c.join(","),
        }
    }
}

/// A field's value in `i`; a person `i` does not have reads as empty.
pub fn value(i: &Intake, f: Field) -> Value {
    if is_codes(f) {
        Value::Codes(i.codes(f).cloned().unwrap_or_default())
    } else {
        Value::Text(i.text(f).unwrap_or("").to_string())
    }
}

fn is_codes(f: Field) -> bool {
    matches!(f.kind(), super::intake::Kind::Many(_))
}

/// Writes `v` into field `f` of `i`, adding the victim or perpetrator it belongs to if `i`
/// has fewer (a person the worker added while the other edited).
pub fn set(i: &mut Intake, f: Field, v: &Value) {
    match f {
        Field::Victim(n, _) => {
            while i.victims.len() <= n {
                i.victims.push(Victim::default());
            }
        }
        Field::Perpetrator(n, _) => {
            while i.perpetrators.len() <= n {
                i.perpetrators.push(Perpetrator::default());
            }
        }
        _ => {}
    }
    match v {
        Value::Codes(c) => {
            if let Some(x) = i.codes_mut(f) {
                *x = c.clone();
            }
        }
        Value::Text(t) => {
            if let Some(x) = i.text_mut(f) {
                *x = t.clone();
            }
        }
    }
}

/// A field both workers changed, to different values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contested {
    pub field: Field,
    pub base: Value,
    pub theirs: Value,
    pub mine: Value,
}

/// The merge: `theirs` with every change of `mine` that does not meet one of theirs, and
/// the fields where both changed. Contested fields hold *their* value in `merged` until
/// the worker chooses (see [`choose`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Merged {
    pub merged: Intake,
    pub contested: Vec<Contested>,
}

pub fn merge(base: &Intake, theirs: &Intake, mine: &Intake) -> Merged {
    let mut merged = theirs.clone();
    let mut contested = Vec::new();
    let mut fields = base.fields();
    for f in mine.fields() {
        if !fields.contains(&f) {
            fields.push(f);
        }
    }
    for f in fields {
        let (b, t, m) = (value(base, f), value(theirs, f), value(mine, f));
        if m.same(&b) || m.same(&t) {
            continue; // mine unchanged, or both made the same change: theirs stands
        }
        if t.same(&b) {
            set(&mut merged, f, &m);
        } else {
            contested.push(Contested {
                field: f,
                base: b,
                theirs: t,
                mine: m,
            });
        }
    }
    Merged { merged, contested }
}

/// The worker's choice on a contested field: their own value (`mine`) or the other's.
pub fn choose(merged: &mut Intake, c: &Contested, mine: bool) {
    set(merged, c.field, if mine { &c.mine } else { &c.theirs });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::intake::{IncidentField, ReporterField, VictimField};

    fn base() -> Intake {
        let mut i = Intake::default();
        i.reporter.name = "Rina".into();
        i.reporter.phone = "081111111111".into();
        i.victims[0].name = "Siti".into();
        i.incident.violence = vec!["psikis".into()];
        i
    }

    #[test]
    fn each_side_keeps_the_fields_only_it_changed() {
        let b = base();
        let mut theirs = b.clone();
        theirs.reporter.phone = "082222222222".into();
        let mut mine = b.clone();
        mine.reporter.name = "Rina Wulandari".into();
        mine.incident.violence.push("fisik".into());
        let m = merge(&b, &theirs, &mine);
        assert!(m.contested.is_empty());
        assert_eq!(m.merged.reporter.phone, "082222222222", "their change kept");
        assert_eq!(m.merged.reporter.name, "Rina Wulandari", "my change kept");
        assert_eq!(m.merged.incident.violence, ["psikis", "fisik"]);
    }

    #[test]
    fn a_field_both_changed_is_contested_with_both_values_until_chosen() {
        let b = base();
        let mut theirs = b.clone();
        theirs.victims[0].name = "Siti Aminah".into();
        let mut mine = b.clone();
        mine.victims[0].name = "Siti A.".into();
        mine.victims[0].age = "12".into();
        let mut m = merge(&b, &theirs, &mine);
        assert_eq!(
            m.contested,
            vec![Contested {
                field: Field::Victim(0, VictimField::Name),
                base: Value::Text("Siti".into()),
                theirs: Value::Text("Siti Aminah".into()),
                mine: Value::Text("Siti A.".into()),
            }]
        );
        assert_eq!(m.merged.victims[0].name, "Siti Aminah");
        assert_eq!(m.merged.victims[0].age, "12");
        let c = m.contested[0].clone();
        choose(&mut m.merged, &c, true);
        assert_eq!(m.merged.victims[0].name, "Siti A.");
        choose(&mut m.merged, &c, false);
        assert_eq!(m.merged.victims[0].name, "Siti Aminah");
    }

    #[test]
    fn the_same_change_on_both_sides_is_no_contest_and_people_added_stay() {
        let b = base();
        let mut theirs = b.clone();
        theirs.reporter.phone = "082222222222 ".into();
        let mut mine = b.clone();
        mine.reporter.phone = "082222222222".into();
        mine.add_perpetrator();
        mine.perpetrators[0].name = "Budi".into();
        let m = merge(&b, &theirs, &mine);
        assert!(m.contested.is_empty(), "{:?}", m.contested);
        assert_eq!(m.merged.perpetrators.len(), 1);
        assert_eq!(m.merged.perpetrators[0].name, "Budi");
        assert_eq!(
            value(&m.merged, Field::Reporter(ReporterField::Phone)).shown(),
            "082222222222"
        );
        assert_eq!(
            value(&b, Field::Incident(IncidentField::Violence)),
            Value::Codes(vec!["psikis".into()])
        );
    }
}
