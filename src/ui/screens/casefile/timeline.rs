//! The Riwayat tab: history rows and notes merged, newest first.

use ratatui::text::{Line, Span};

use super::{CaseView, when};
use crate::domain::vocab;
use crate::i18n::{Lang, Msg, fill};
use crate::ui::theme::Theme;

impl CaseView {
    pub(super) fn timeline(&self, lang: Lang, theme: &Theme) -> Vec<Line<'static>> {
        // History rows and notes merged, newest first. A note's history row only marks
        // that it was written; the note itself carries the words.
        let mut items: Vec<(String, Vec<Line<'static>>)> = Vec::new();
        for h in self
            .file
            .history
            .iter()
            .filter(|h| h.action.trim_start_matches("asal:") != "catatan")
        {
            let label = |v: &Option<String>| -> String {
                let v = v.clone().unwrap_or_default();
                if h.field.as_deref() == Some("tahap") {
                    vocab::STAGES.label(&v, lang).to_string()
                } else if v.is_empty() {
                    "—".into()
                } else {
                    v
                }
            };
            // History copied from another office on a transfer is marked `asal:`.
            let (origin, action) = match h.action.strip_prefix("asal:") {
                Some(a) => (true, a),
                None => (false, h.action.as_str()),
            };
            let what = match action {
                "dibuka" => Msg::TlOpened.get(lang).to_string(),
                "pindah_keluar" => fill(
                    Msg::TlTransferOut.get(lang),
                    &[&h.note.clone().unwrap_or_default()],
                ),
                "pindah_masuk" => {
                    let n = h.note.clone().unwrap_or_default();
                    let (office, number) = n.rsplit_once(": ").unwrap_or((n.as_str(), ""));
                    fill(Msg::TlTransferIn.get(lang), &[&office, &number])
                }
                "tahap" | "tahap_mundur" | "ditutup" | "dibuka_kembali" => {
                    fill(Msg::TlStage.get(lang), &[&label(&h.old), &label(&h.new)])
                }
                "tahap_tanpa_rencana" => fill(
                    Msg::TlStageNoPlan.get(lang),
                    &[&label(&h.old), &label(&h.new)],
                ),
                "ditugaskan" => fill(Msg::TlAssigned.get(lang), &[&label(&h.new)]),
                "diubah" => fill(
                    Msg::TlEdited.get(lang),
                    &[
                        &h.field.clone().unwrap_or_default(),
                        &label(&h.old),
                        &label(&h.new),
                    ],
                ),
                "rujukan" => fill(Msg::TlReferred.get(lang), &[&label(&h.new)]),
                "status_rujukan" => fill(
                    Msg::TlReferralStatus.get(lang),
                    &[
                        &vocab::REFERRAL_STATUS.label(&label(&h.old), lang),
                        &vocab::REFERRAL_STATUS.label(&label(&h.new), lang),
                    ],
                ),
                "tanpa_persetujuan" => Msg::TlNoConsent.get(lang).to_string(),
                other => other.to_string(),
            };
            let what = if origin {
                fill(Msg::TlOrigin.get(lang), &[&what])
            } else {
                what
            };
            let mut lines = vec![Line::from(vec![
                Span::styled(format!("{} {} ", when(&h.at), h.staff), theme.placeholder()),
                Span::raw(what),
            ])];
            let told = matches!(action, "pindah_keluar" | "pindah_masuk");
            if let Some(n) = h.note.as_ref().filter(|_| !told) {
                let n = if action == "ditutup" {
                    let (code, rest) = n.split_once(": ").unwrap_or((n.as_str(), ""));
                    let reason = vocab::CLOSURE_REASONS.label(code, lang);
                    if rest.is_empty() {
                        reason.to_string()
                    } else {
                        format!("{reason}: {rest}")
                    }
                } else {
                    n.clone()
                };
                lines.push(Line::raw(format!("    {}: {n}", Msg::TlReason.get(lang))));
            }
            items.push((h.at.clone(), lines));
        }
        for n in &self.file.notes {
            let mut lines = vec![Line::from(vec![
                Span::styled(format!("{} {} ", when(&n.at), n.staff), theme.placeholder()),
                Span::styled(Msg::TlNote.get(lang).to_string(), theme.section()),
            ])];
            lines.extend(n.body.lines().map(|l| Line::raw(format!("    {l}"))));
            items.push((n.at.clone(), lines));
        }
        items.sort_by(|a, b| b.0.cmp(&a.0));
        items.into_iter().flat_map(|(_, l)| l).collect()
    }
}
