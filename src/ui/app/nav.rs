//! Where the person is: a stack of screens. The top is drawn and hears the keys; Esc or back
//! pops to the one below, and help opens over whatever is current and pops back to it.
//!
//! Root screens (the intake, the drafts, the board: F2 and F3) start a new stack. Opening a
//! screen already on the stack pops back to it rather than stacking it twice, so a referral
//! finished in the directory returns to the case file it was started from.

use super::Screen;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Nav(Vec<Screen>);

impl Nav {
    pub fn new(root: Screen) -> Nav {
        Nav(vec![root])
    }

    pub fn current(&self) -> Screen {
        *self.0.last().expect("the stack is never empty")
    }

    /// A root screen: the stack starts again from it.
    pub fn show(&mut self, s: Screen) {
        self.0.clear();
        self.0.push(s);
    }

    /// Opens `s` over the current screen; when `s` is already on the stack, pops back to it.
    pub fn push(&mut self, s: Screen) {
        match self.0.iter().position(|x| *x == s) {
            Some(i) => self.0.truncate(i + 1),
            None => self.0.push(s),
        }
    }

    /// Puts `s` in the current screen's place (a case opened from search replaces the search).
    pub fn replace(&mut self, s: Screen) {
        self.0.pop();
        self.push(s);
    }

    /// Back to the screen below. False at the root, where the stack stays as it is.
    pub fn pop(&mut self) -> bool {
        if self.0.len() < 2 {
            return false;
        }
        self.0.pop();
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn help_pops_back_to_the_screen_it_opened_over() {
        let mut n = Nav::new(Screen::Board);
        n.push(Screen::Case);
        n.push(Screen::Help);
        assert!(n.pop());
        assert_eq!(n.current(), Screen::Case);
        assert!(n.pop());
        assert_eq!(n.current(), Screen::Board);
        assert!(!n.pop(), "the root stays");
        assert_eq!(n.current(), Screen::Board);
    }

    #[test]
    fn opening_a_screen_on_the_stack_pops_back_to_it() {
        let mut n = Nav::new(Screen::Board);
        n.push(Screen::Case);
        n.push(Screen::Directory);
        n.push(Screen::Case);
        assert_eq!(n.current(), Screen::Case);
        assert!(n.pop());
        assert_eq!(n.current(), Screen::Board);
    }

    #[test]
    fn a_root_screen_starts_a_new_stack() {
        let mut n = Nav::new(Screen::Intake);
        n.push(Screen::Directory);
        n.show(Screen::Board);
        assert!(!n.pop(), "nothing is left under the new root");
        assert_eq!(n.current(), Screen::Board);
    }
}
