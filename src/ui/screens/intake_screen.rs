//! The intake form as a screen: its keys become actions (save, add or remove a person, "the
//! form changed" so the draft is saved soon). Apart from the form itself (intake.rs) so that
//! fields can be added there without touching the route.

use ratatui::Frame;
use ratatui::crossterm::event::{Event, KeyEvent};
use ratatui::layout::Rect;

use crate::ui::action::Action;
use crate::ui::keymap::{self, Described};
use crate::ui::keys::{self, FormKey};
use crate::ui::screens::intake::{FormEvent, IntakeForm};
use crate::ui::screens::{Cx, Screen};

impl IntakeForm {
    fn picking(&self) -> bool {
        self.pick.is_some() || self.region_pick.is_some()
    }
}

impl Screen for IntakeForm {
    fn keys(&self) -> Vec<&'static dyn Described> {
        if self.picking() {
            vec![&keymap::PICK_LIST, &keymap::FORM]
        } else {
            vec![&keymap::FORM, &keymap::PICK_LIST]
        }
    }

    fn on_key(&mut self, key: &KeyEvent, cx: &Cx) -> Option<Action> {
        // A pick-list owns the keyboard: Ctrl-S and the person keys wait until it is closed.
        if let Some(fk) = keys::form(key).filter(|_| !self.picking()) {
            return Some(match fk {
                FormKey::Save => Action::SaveIntake,
                FormKey::AddVictim => {
                    self.add_victim(cx.today);
                    Action::FormChanged
                }
                FormKey::AddPerpetrator => {
                    self.add_perpetrator(cx.today);
                    Action::FormChanged
                }
                FormKey::RemovePerson => Action::AskRemovePerson(self.person_at_focus()),
                FormKey::CopyAddress => match self.copy_address_to_domicile() {
                    FormEvent::Changed => Action::FormChanged,
                    _ => return None,
                },
            });
        }
        (self.handle(&Event::Key(*key), cx.today) == FormEvent::Changed)
            .then_some(Action::FormChanged)
    }

    fn on_paste(&mut self, text: &str, cx: &Cx) -> Option<Action> {
        (self.handle(&Event::Paste(text.to_string()), cx.today) == FormEvent::Changed)
            .then_some(Action::FormChanged)
    }

    fn draw(&mut self, f: &mut Frame, area: Rect, cx: &Cx) {
        IntakeForm::draw(self, f, area, cx.lang, cx.theme, cx.today);
    }
}
