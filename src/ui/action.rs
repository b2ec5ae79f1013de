//! What a person can ask the app to do, as values. A finished dialog (a `flows::Flow`) answers
//! with one of these; `App::update` applies it, touching the store where it must, and says
//! whether it was refused (the flow then stays open with the reason inside it).

use chrono::NaiveDate;

use crate::domain::agency::Week;
use crate::domain::case::{Card, Move};
use crate::domain::referral::{Referral, Status};
use crate::ui::intake::Section;

/// A referral being put together, one dialog at a time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RefDraft {
    pub case_id: i64,
    pub number: String,
    pub agency_id: i64,
    pub agency_name: String,
    pub service: String,
    pub reason: String,
    pub follow_up: Option<NaiveDate>,
}

/// One field of the open agency sheet, already read from what was typed or picked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AgencyEdit {
    Name(String),
    Kind(String),
    Services(Vec<String>),
    /// Choosing an area already listed removes it; an empty code adds nothing.
    ToggleArea(String),
    Address(String),
    Phones(Vec<String>),
    Email(String),
    Hours(Week),
    Contact(String),
    Notes(String),
    Verified(Option<NaiveDate>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Leave meja although the draft could not be saved (asked first).
    QuitUnsaved,
    DiscardDraft(i64),
    RemovePerson(Section),
    Move {
        card: Card,
        mv: Move,
    },
    Assign {
        card: Card,
        to: String,
    },
    AddNote {
        case_id: i64,
        body: String,
    },
    /// Leave the case-file edit, dropping its changes.
    CancelEdit,
    /// After a refused save, on the first field both workers changed: keep this worker's
    /// value (`mine`) or take the other's.
    ChooseContested {
        mine: bool,
    },
    /// The board's filter as a whole. `opened`: None keeps the date range in force,
    /// `Some(None)` clears it.
    SetBoardFilter {
        codes: Vec<String>,
        region: Option<String>,
        opened: Option<Option<(NaiveDate, NaiveDate)>>,
    },
    /// The directory's service filter (None: every service).
    SetDirectoryService(Option<String>),
    /// The directory's area filter, as a region code ("" or unknown: every area).
    SetDirectoryArea(String),
    EditAgency(AgencyEdit),
    ToggleAgencyActive,
    DeleteAgency,
    LeaveAgencySheet,
    /// From an agency's sheet: refer the case with this number to it.
    ReferCaseNumber {
        agency_id: i64,
        number: String,
    },
    Refer {
        draft: RefDraft,
        override_reason: Option<String>,
    },
    SetReferralStatus {
        referral: Referral,
        to: Status,
        note: String,
    },
}
