//! The case file's tabs, as a leaf: actions name a tab to open a case at (Tugas opens a
//! follow-up on Pemantauan), and the action list must not import the screens that use it.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Data,
    /// Services given (layanan diberikan).
    Services,
    /// Follow-ups (pemantauan).
    FollowUps,
    Timeline,
    Referrals,
    /// The legal side: qualification, clocks, checklist, legal events, mediation.
    Legal,
}

impl Tab {
    pub fn next(self) -> Tab {
        match self {
            Tab::Data => Tab::Services,
            Tab::Services => Tab::FollowUps,
            Tab::FollowUps => Tab::Timeline,
            Tab::Timeline => Tab::Referrals,
            Tab::Referrals => Tab::Legal,
            Tab::Legal => Tab::Data,
        }
    }
}
