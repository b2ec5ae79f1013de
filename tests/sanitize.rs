//! Terminal safety: text that reaches meja (typed, pasted, imported) is cleaned of anything a
//! terminal would act on before it is stored, and again on every path that prints outside
//! ratatui. The corpus is what an attacker, or a careless copy from a chat app, sends.

mod common;

use common::*;
use meja::domain::text::{clean_line, clean_multiline};
use meja::i18n::Lang;
use ratatui::crossterm::event::{Event, KeyCode};

/// (hostile input, what a reader should still see)
const CORPUS: &[(&str, &str)] = &[
    ("Siti\x1b[2J\x1b[HAminah", "SitiAminah"), // clear screen, home
    ("Siti\x1b[31;1mAminah\x1b[0m", "SitiAminah"), // colours
    ("a\x1b]52;c;cm0gLXJmIH4=\x07b", "ab"),    // OSC 52: write the clipboard
    ("a\x1b]0;judul palsu\x1b\\b", "ab"),      // OSC 0: window title, ST end
    ("\x1b]8;;http://jahat.example\x07klik\x1b]8;;\x07", "klik"), // OSC 8 hyperlink
    ("a\u{9b}2Jb", "ab"),                      // C1 CSI
    ("a\u{9d}0;x\u{9c}b", "ab"),               // C1 OSC ... ST
    ("a\u{90}qdcs\u{9c}b", "ab"),              // C1 DCS
    ("a\x1bPqsixel\x1b\\b", "ab"),             // DCS (sixel)
    ("a\x1b_apc\x1b\\b", "ab"),                // APC
    ("a\x1bcb", "ab"),                         // RIS: full reset
    ("a\x1b(0b", "ab"),                        // line-drawing charset
    ("a\0b\x07c\x08d\x7fe", "abcde"),          // NUL BEL BS DEL
    ("a\u{85}b\u{8d}c", "abc"),                // C1 NEL, RI
    ("abc\u{202E}fdp.exe", "abcfdp.exe"),      // RLO: Trojan Source
    ("\u{2066}x\u{2069}\u{2067}y\u{2068}z", "xyz"), // isolates
    ("a\u{200E}b\u{200F}c\u{061C}d", "abcd"),  // marks
    ("\x1b[", ""),                             // cut-off sequence
    ("\x1b", ""),
    (
        "Nama biasa, Jl. Melati No. 5",
        "Nama biasa, Jl. Melati No. 5",
    ),
    ("Ñoño – ünïcödé 名字", "Ñoño – ünïcödé 名字"),
];

fn terminal_safe(s: &str, multiline: bool) -> bool {
    s.chars().all(|c| {
        !(c.is_control() && !(multiline && c == '\n'))
            && !matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
    })
}

#[test]
fn the_corpus_comes_out_terminal_safe_and_readable() {
    for (input, seen) in CORPUS {
        let line = clean_line(input);
        assert!(terminal_safe(&line, false), "{input:?} → {line:?}");
        assert_eq!(&line, seen, "{input:?}");
        let multi = clean_multiline(&format!("{input}\r\n{input}"));
        assert!(terminal_safe(&multi, true), "{input:?} → {multi:?}");
        assert_eq!(multi, format!("{seen}\n{seen}"));
        // Cleaning twice changes nothing: what is stored prints as stored.
        assert_eq!(clean_line(&line), line);
    }
}

#[test]
fn a_hostile_paste_into_the_intake_is_stored_clean() {
    let t = new_app(Lang::Id);
    let mut app = t.app;
    fill_minimum(&mut app);
    goto(&mut app, at::VICTIM_NAME);
    for _ in 0..20 {
        key(&mut app, KeyCode::Backspace);
    }
    app.handle(&Event::Paste(
        "Siti\x1b]52;c;aGk=\x07 \u{202E}Aminah\x1b[2J".into(),
    ));
    goto(&mut app, at::CHRONOLOGY);
    app.handle(&Event::Paste(
        "Baris satu\x1b[31m\r\nBaris \u{9b}2Jdua\0".into(),
    ));
    key(&mut app, KeyCode::Esc);
    ctrl(&mut app, 's');
    let c = rusqlite::Connection::open(db_path(&t.dir)).unwrap();
    let (name, chron): (String, String) = c
        .query_row(
            "SELECT p.name, c.chronology FROM persons p JOIN cases c ON c.id = p.case_id
             WHERE p.role = 'korban'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(name, "Siti Aminah");
    assert_eq!(chron, "Baris satu\nBaris dua");
}
