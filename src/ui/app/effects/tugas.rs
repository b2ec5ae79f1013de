//! Tugas on screen: the due list loaded for the worker at the keyboard (or everyone's, for a
//! supervisor), a case opened at an item, and the board's overdue counts.

use std::collections::HashSet;

use crate::domain::case::Permission;
use crate::domain::due::{Bucket, LegalCaseDue, Scope};
use crate::domain::staff::Role;
use crate::i18n::Msg;
use crate::ui::app::{App, Screen};
use crate::ui::screens::casefile::Tab;

impl App {
    /// F11 / Ctrl-V: the list as it is now.
    pub(in crate::ui::app) fn open_tugas(&mut self) {
        self.tugas.me = self.ctx.staff.clone();
        if self.load_tugas() {
            self.nav.push(Screen::Tugas);
        }
    }

    fn tugas_items(
        &self,
        everyone: bool,
        horizon: i64,
    ) -> crate::error::Result<Vec<crate::domain::due::DueItem>> {
        let scope = if everyone {
            Scope::Everyone
        } else {
            Scope::Mine {
                username: self.ctx.staff.clone(),
                approves: self.ctx.role == Role::Supervisor,
            }
        };
        crate::tasks::tugas::due_list(
            &self.ctx.store,
            &self.ctx.config,
            self.ctx.now().naive_local(),
            horizon,
            &scope,
        )
    }

    fn load_tugas(&mut self) -> bool {
        match self.tugas_items(self.tugas.everyone, crate::domain::due::HORIZON_DAYS) {
            Ok(items) => {
                self.tugas.set(items);
                true
            }
            Err(e) => {
                let t = e.render(self.lang());
                self.set_status(t, true);
                false
            }
        }
    }

    /// `a` on Tugas: everyone's list is for whoever hands out the work, as `meja tugas --all`.
    pub(in crate::ui::app) fn tugas_scope(&mut self, everyone: bool) {
        if everyone && !self.ctx.actor().may(Permission::Assign, None) {
            let t = Msg::TugasScopeOnlyMine.get(self.lang()).to_string();
            self.set_status(t, true);
            return;
        }
        self.tugas.everyone = everyone;
        self.tugas.cursor = 0;
        self.load_tugas();
    }

    /// Enter on a Tugas item: the case file, at the tab where the item is worked.
    pub(in crate::ui::app) fn open_case_at(&mut self, case_id: i64, tab: Tab) {
        self.open_case(case_id);
        if let Some(c) = self.case.as_mut()
            && c.file.card.id == case_id
        {
            c.tab = tab;
        }
    }

    /// The cases with anything overdue, everyone's: each board column counts its own.
    pub(in crate::ui::app) fn load_overdue_counts(&mut self, legal: &[LegalCaseDue]) {
        let items = crate::tasks::tugas::due_list_with(
            &self.ctx.store,
            &self.ctx.config,
            self.ctx.now().naive_local(),
            0,
            &Scope::Everyone,
            legal,
        );
        match items {
            Ok(items) => {
                let ids: HashSet<i64> = items
                    .iter()
                    .filter(|i| i.bucket == Bucket::Overdue)
                    .map(|i| i.case_id)
                    .collect();
                self.board.set_overdue(ids);
            }
            Err(e) => {
                let t = e.render(self.lang());
                self.set_status(t, true);
            }
        }
    }
}
