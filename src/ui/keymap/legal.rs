//! The case file's Hukum tab (issues 18, 19): its own keys first, then the case file's.

use super::casefile::{LEAVE, SCROLL, TAB};
use super::{CaseKey, Table};
use crate::i18n::Msg;

pub static CASE_LEGAL: Table<CaseKey> = Table {
    title: Msg::HelpCaseLegal,
    rows: &[
        letter!('q', HCaseQualify, KeyQualify => CaseKey::Qualify),
        letter!('h', HCaseLegalEvent, KeyLegalEvent => CaseKey::LegalEvent),
        letter!('m', HCaseMediation, KeyMediation => CaseKey::Mediation),
        letter!('i', HCaseTick, KeyTick => CaseKey::Tick),
        SCROLL,
        TAB,
        LEAVE,
    ],
    note: None,
};
