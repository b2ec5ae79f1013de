//! What a person can ask the app to do, as values. A screen's key handler (`Screen::on_key`)
//! and a finished dialog (a `flows::Flow`) answer with one of these; `App::update`
//! (ui/app/effects/) checks the role once (`Action::permission`), applies it, touching the
//! store where it must, and says whether it was refused (a flow then stays open with the
//! reason inside it).
//!
//! `Ask…` actions open a dialog; the dialog's answer is the action that does the thing.

use chrono::NaiveDate;

use crate::domain::agency::Week;
use crate::domain::case::{Card, Move, Permission};
use crate::domain::referral::{Referral, Status};
use crate::domain::report::Month;
use crate::ui::screens::intake::Section;
use crate::ui::screens::sheet_field::SheetField;

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

/// A service given being recorded, one dialog at a time: from the case file's Layanan tab,
/// or offered when a referral is set to *selesai* (then `referral_id` and its service).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GiveDraft {
    pub case_id: i64,
    pub referral_id: Option<i64>,
    /// The case's victims: (person id, name), in order.
    pub victims: Vec<(i64, String)>,
    pub service: String,
    pub victim_id: i64,
    pub date: NaiveDate,
    pub note: String,
}

/// A paper being printed from the case file (issue 19): which, which copy, with the
/// chronology or not, and the file to write (the flow offers one in `surat/`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaperDraft {
    pub case_id: i64,
    pub case_number: String,
    pub kind: crate::domain::paper::Kind,
    pub copy: crate::domain::paper::Copy,
    pub chronology: bool,
    /// Where papers go by default: `surat/` beside the database.
    pub dir: String,
    pub path: String,
}

/// A follow-up being recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FollowDraft {
    pub case_id: i64,
    pub kind: String,
    pub date: NaiveDate,
    pub findings: String,
    pub next: Option<NaiveDate>,
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

/// What the case file's Hukum tab asks for (issues 18, 19).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LegalAsk {
    Qualify,
    Event,
    Mediation,
    Tick,
}

/// A legal entry, as its dialog gathered it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LegalEntry {
    Qualify(Vec<String>),
    Event(crate::domain::legal::NewEvent),
    Mediation(NaiveDate, crate::domain::legal::Step),
    Tick(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    // ---- the lock screen
    /// The PIN typed on the lock screen (it stays there, never in an action) is checked.
    SignIn,
    /// No PIN is asked for: Enter unlocks.
    Unlock,
    /// F10 while locked: save the draft and leave.
    QuitLocked,
    // ---- going places
    /// Esc: back to the screen below.
    Back,
    OpenCase(i64),
    /// A case opened at a tab (from Tugas: where the item is worked).
    OpenCaseAt {
        case_id: i64,
        tab: crate::ui::casetab::Tab,
    },
    /// Tugas: everyone's list (true) or mine.
    TugasScope(bool),
    OpenSearch,
    OpenAudit,
    OpenReport,
    /// Esc on the board: to the intake in progress or the drafts.
    LeaveBoard,
    /// Esc on the case file.
    LeaveCase,
    /// Esc in the directory: back where it was opened from (a referral: the case file).
    LeaveDirectory,
    /// The report of another month.
    ReportMonth(Month),
    /// One victim's SIMFONI sheet (from 0), opened or switched to.
    OpenSimfoniSheet {
        case_id: i64,
        victim: usize,
    },
    /// The month-end list of victims still to enter into SIMFONI.
    OpenSimfoniMonth,
    /// The month-end list of another month.
    SimfoniMonth(Month),
    /// The query typed into search changed.
    Search(String),
    // ---- the intake and the drafts
    /// The form changed: save the draft soon.
    FormChanged,
    SaveIntake,
    AskRemovePerson(Option<Section>),
    /// From the saved screen: the next intake.
    NewIntake,
    ResumeDraft(i64),
    AskDiscardDraft {
        id: i64,
        initials: String,
    },
    /// From the drafts, back to the intake in progress.
    BackToIntake,
    // ---- the board and the case file
    AskForward(Card),
    AskBack(Card),
    AskClose(Card),
    AskReopen(Card),
    AskAssign(Card),
    AskBoardFilter,
    /// `x` on the board: every case again.
    ClearBoardFilter,
    ToggleClosed,
    AskNote(Card),
    StartEdit(Card),
    /// Esc while editing a changed case file.
    AskCancelEdit,
    SaveCaseEdit,
    /// Show the NIK in full (logged as a reveal).
    RevealNik(i64),
    /// `r`: choose the agency to refer the case to, in the directory.
    StartReferral {
        case_id: i64,
        number: String,
    },
    AskReferralStatus(Referral),
    WriteLetter(Referral),
    /// The letter, for a client without consent to share, with the items the worker ticked
    /// to add to the minimum (issue 16).
    WriteLetterWith {
        referral: Referral,
        include: Vec<String>,
    },
    // ---- the directory
    AskDirectoryService,
    AskDirectoryArea,
    /// The agency chosen for the referral being made.
    PickAgency(i64),
    NewAgency,
    AskAgencyField(SheetField),
    SaveAgency,
    AskToggleAgencyActive,
    AskDeleteAgency,
    AskReferCase(i64),
    /// Esc on an agency sheet with unsaved changes.
    AskLeaveAgencySheet,
    // ---- what dialogs answer
    /// `l` in a case file, or yes when a referral is set to *selesai*: ask what was given.
    AskGiveService {
        case_id: i64,
        referral_id: Option<i64>,
        service: String,
    },
    /// `p` in a case file: ask for a follow-up.
    AskFollowUp(i64),
    /// Record a service given (from its flow).
    GiveService(GiveDraft),
    /// Record a follow-up (from its flow).
    AddFollowUp(FollowDraft),
    /// Open the Hukum tab's dialog for `what` on this case.
    AskLegal {
        card: Card,
        what: LegalAsk,
    },
    /// Record a legal entry (from its dialog) on a case with this assignee.
    SaveLegal {
        case_id: i64,
        assigned: Option<String>,
        entry: LegalEntry,
    },
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
    // ---- papers to sign (issue 19)
    /// `d` in a case file: ask which paper, which copy and where, then print it.
    AskPaper {
        case_id: i64,
        number: String,
    },
    PrintPaper(PaperDraft),
    // ---- SIMFONI-PPA
    /// `m` on the sheet: asks SIMFONI's reference, then marks.
    AskSimfoniMark {
        case_id: i64,
        victim: usize,
    },
    MarkSimfoni {
        case_id: i64,
        victim: usize,
        reference: String,
    },
    PrintSimfoniSheet {
        case_id: i64,
        victim: usize,
    },
}

impl Action {
    /// The permission an action needs, with the assignee of the case it is on: checked once,
    /// by `App::update`, before anything else happens. None: anyone signed in may.
    pub fn permission(&self) -> Option<(Permission, Option<&str>)> {
        fn on(p: Permission, c: &Card) -> Option<(Permission, Option<&str>)> {
            Some((p, c.assigned_to.as_deref()))
        }
        match self {
            Action::AskForward(c) | Action::AskBack(c) | Action::Move { card: c, .. } => {
                on(Permission::Move, c)
            }
            Action::AskClose(c) => on(Permission::Close, c),
            Action::AskReopen(c) => on(Permission::Reopen, c),
            Action::AskAssign(c) => on(Permission::Assign, c),
            Action::Assign { .. } => Some((Permission::Assign, None)),
            Action::AskNote(c) => on(Permission::AddNote, c),
            Action::StartEdit(c) => on(Permission::Edit, c),
            // Front-desk work on any case: the assignee does not matter.
            Action::AskGiveService { .. }
            | Action::AskFollowUp(_)
            | Action::GiveService(_)
            | Action::AddFollowUp(_)
            // Papers are printed at the desk for any case, as services are recorded.
            | Action::AskPaper { .. }
            | Action::PrintPaper(_) => Some((Permission::RecordService, None)),
            // The legal side is the case manager's (and the supervisor's), as `meja hukum`.
            Action::AskLegal { card, .. } => on(Permission::RecordLegal, card),
            Action::SaveLegal { assigned, .. } => {
                Some((Permission::RecordLegal, assigned.as_deref()))
            }
            Action::OpenAudit => Some((Permission::ReadAudit, None)),
            Action::OpenReport => Some((Permission::Report, None)),
            // SIMFONI entry is reporting work, as the report is.
            Action::OpenSimfoniSheet { .. }
            | Action::OpenSimfoniMonth
            | Action::SimfoniMonth(_)
            | Action::AskSimfoniMark { .. }
            | Action::MarkSimfoni { .. }
            | Action::PrintSimfoniSheet { .. } => Some((Permission::Report, None)),
            Action::NewAgency
            | Action::AskAgencyField(_)
            | Action::SaveAgency
            | Action::AskToggleAgencyActive
            | Action::AskDeleteAgency
            | Action::EditAgency(_)
            | Action::ToggleAgencyActive
            | Action::DeleteAgency => Some((Permission::ManageDirectory, None)),
            _ => None,
        }
    }
}
