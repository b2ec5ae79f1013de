//! A refused case-file save (someone else saved first), made good: the other worker's
//! values merged into this worker's form field by field (`domain::merge`), and for each
//! field both changed a question showing both values, answered with one key.

use crate::domain::merge::{Contested, Value};
use crate::i18n::{self, Lang, Msg, fill};
use crate::ui::action::Action;
use crate::ui::flows::Flow;

fn shown(v: &Value) -> String {
    let s = v.shown();
    if s.is_empty() { "—".into() } else { s }
}

/// The question for one field both workers changed: `y` keeps this worker's value, `o`
/// takes the other's, `t`/Esc leaves the other's (what the form holds until answered).
/// `left` counts the questions still to come after this one; `lead` (what the other worker
/// changed) is shown above the first.
pub fn ask(c: &Contested, left: usize, lead: &[String], lang: Lang) -> Flow {
    let mut text = String::new();
    for l in lead {
        text.push_str(l);
        text.push('\n');
    }
    text += &fill(
        Msg::ContestField.get(lang),
        &[&i18n::field_label(c.field, lang)],
    );
    text.push('\n');
    text.push_str(&fill(Msg::ContestMine.get(lang), &[&shown(&c.mine)]));
    text.push('\n');
    text.push_str(&fill(Msg::ContestTheirs.get(lang), &[&shown(&c.theirs)]));
    text.push('\n');
    text.push_str(Msg::ContestKeys.get(lang));
    if left > 0 {
        text.push_str(&fill(Msg::ContestMore.get(lang), &[&left]));
    }
    Flow::confirm_or(
        text,
        Action::ChooseContested { mine: true },
        'o',
        Action::ChooseContested { mine: false },
    )
}
