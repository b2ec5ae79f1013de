//! The board's filter: what it keeps, and how it says so on the title line.

use crate::domain::case::{Card, Targets};
use crate::i18n::Lang;
use chrono::NaiveDate;

/// Filters, as codes: `mine`, `emergency`, `overdue`, `risk:…`, `kk:…` (jenis kekerasan),
/// `ampk:…`; and the dates a case was opened between (inclusive).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub codes: Vec<String>,
    pub opened: Option<(NaiveDate, NaiveDate)>,
    /// A region code at any level: cases whose victim lives inside it.
    pub region: Option<String>,
}

impl Filter {
    pub fn is_active(&self) -> bool {
        !self.codes.is_empty() || self.opened.is_some() || self.region.is_some()
    }

    /// What is in force, in words, for the title line: a board that looks empty because of
    /// a filter must say so.
    pub fn describe(&self, lang: Lang) -> String {
        let mut parts: Vec<String> = self
            .codes
            .iter()
            .map(|c| crate::i18n::BOARD_FILTERS.label(c, lang).to_string())
            .collect();
        if let Some(r) = &self.region
            && let Some(reg) = crate::domain::region::get(r)
        {
            parts.push(reg.name.to_string());
        }
        if let Some((from, to)) = self.opened {
            parts.push(format!(
                "{}–{}",
                from.format("%d-%m-%Y"),
                to.format("%d-%m-%Y")
            ));
        }
        parts.join(", ")
    }

    pub fn keeps(&self, c: &Card, me: &str, targets: &Targets, today: NaiveDate) -> bool {
        self.compile().keeps(c, me, targets, today)
    }

    /// The codes sorted by kind once, for testing thousands of cards.
    pub(super) fn compile(&self) -> Compiled<'_> {
        let with = |prefix: &str| -> Vec<&str> {
            self.codes
                .iter()
                .filter_map(|x| x.strip_prefix(prefix))
                .collect()
        };
        let has = |k: &str| self.codes.iter().any(|x| x == k);
        Compiled {
            mine: has("mine"),
            emergency: has("emergency"),
            overdue: has("overdue"),
            risks: with("risk:"),
            kinds: with("kk:"),
            ampk: with("ampk:"),
            opened: self.opened,
            region: self.region.as_deref().map(|r| (r, format!("{r}."))),
        }
    }
}

pub(super) struct Compiled<'a> {
    mine: bool,
    emergency: bool,
    overdue: bool,
    risks: Vec<&'a str>,
    kinds: Vec<&'a str>,
    ampk: Vec<&'a str>,
    opened: Option<(NaiveDate, NaiveDate)>,
    /// The region and its prefix for the levels inside it.
    region: Option<(&'a str, String)>,
}

impl Compiled<'_> {
    pub(super) fn keeps(&self, c: &Card, me: &str, targets: &Targets, today: NaiveDate) -> bool {
        (!self.mine || c.assigned_to.as_deref() == Some(me))
            && (!self.emergency || c.emergency)
            && (!self.overdue || c.overdue(targets, today))
            && (self.risks.is_empty() || self.risks.contains(&c.risk.as_str()))
            && (self.kinds.is_empty()
                || c.violence_all
                    .iter()
                    .any(|v| self.kinds.contains(&v.as_str())))
            && (self.ampk.is_empty() || c.ampk.iter().any(|a| self.ampk.contains(&a.as_str())))
            && self
                .opened
                .is_none_or(|(from, to)| c.opened >= from && c.opened <= to)
            && self.region.as_ref().is_none_or(|(r, inside)| {
                c.region
                    .as_deref()
                    .is_some_and(|cr| cr == *r || cr.starts_with(inside.as_str()))
            })
    }
}
