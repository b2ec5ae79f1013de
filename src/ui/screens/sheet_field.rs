//! The agency sheet's fields, apart from the directory screen: `ui::Action` names them
//! (`AskAgencyField`), and the screen returns actions, so this leaf keeps the two from
//! importing each other.

use crate::i18n::Msg;

/// A field of the agency sheet, in screen order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SheetField {
    Name,
    Kind,
    Services,
    Areas,
    Address,
    Phones,
    Email,
    Hours,
    Contact,
    Notes,
    Verified,
}

impl SheetField {
    pub const ALL: [SheetField; 11] = [
        SheetField::Name,
        SheetField::Kind,
        SheetField::Services,
        SheetField::Areas,
        SheetField::Address,
        SheetField::Phones,
        SheetField::Email,
        SheetField::Hours,
        SheetField::Contact,
        SheetField::Notes,
        SheetField::Verified,
    ];

    pub fn label(self) -> Msg {
        match self {
            SheetField::Name => Msg::AgName,
            SheetField::Kind => Msg::AgKind,
            SheetField::Services => Msg::AgServices,
            SheetField::Areas => Msg::AgAreas,
            SheetField::Address => Msg::AgAddress,
            SheetField::Phones => Msg::AgPhones,
            SheetField::Email => Msg::AgEmail,
            SheetField::Hours => Msg::AgHours,
            SheetField::Contact => Msg::AgContact,
            SheetField::Notes => Msg::AgNotes,
            SheetField::Verified => Msg::AgVerified,
        }
    }
}
