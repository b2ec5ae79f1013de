//! Every string a person reads, in Bahasa Indonesia (default) and English.
//!
//! Vocabulary labels (jenis kekerasan, AMPK, …) are domain data and live with their codes in
//! `domain::vocab`; everything else is here. Messages with `{}` take arguments in order
//! through [`fill`].

pub use crate::lang::{Lang, fill};

use crate::domain::Issue;
use crate::domain::intake::{
    ConsentField, Field, IncidentField, PerpetratorField, ReporterField, TriageField, VictimField,
};

macro_rules! messages {
    ($($name:ident => $id:expr, $en:expr;)*) => {
        /// A user-facing message.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Msg { $($name),* }

        impl Msg {
            pub fn get(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((Msg::$name, Lang::Id) => $id, (Msg::$name, Lang::En) => $en,)*
                }
            }
        }
    };
}

messages! {
    // The legal side of a case: clocks, qualification, legal process, mediation (`meja hukum`)
    ClockPolice => "Lapor ke polisi (UU TPKS Pasal 41)", "Report to the police (TPKS Law Art. 41)";
    ClockFirstService => "Layanan pertama", "First service";
    ClockShelter => "Tinjauan rumah aman", "Safe-house review";
    ClockLeft => "sisa {} jam", "{} h left";
    ClockOver => "lewat {} jam", "{} h over";
    ClockMet => "terpenuhi", "met";
    ClockMetLate => "terpenuhi, terlambat", "met, late";
    DueClockPolice => "Laporkan kasus TPKS ke polisi sebelum {} ({})", "Report the TPKS case to the police by {} ({})";
    DueClockFirstService => "Berikan layanan pertama sebelum {} ({})", "Give the first service by {} ({})";
    DueClockShelter => "Tinjau masa tinggal di rumah aman sebelum {} ({})", "Review the safe-house stay by {} ({})";
    DueNextSidang => "Dampingi sidang berikutnya", "Accompany the next hearing";
    DueNextPerlindungan => "Perlindungan sementara berakhir: perlu diperpanjang?", "Temporary protection ends: extend it?";
    DueNextRestitusi => "Pastikan restitusi dibayar (UU TPKS Pasal 33)", "See that restitution is paid (TPKS Law Art. 33)";
    DueNextOther => "Tindak lanjut: {}", "Follow up: {}";
    DueMediation => "Periksa apakah kesepakatan mediasi ditepati", "Check the mediation agreement is kept";
    HkHead => "Hukum — kasus {}", "Legal — case {}";
    HkQualifications => "Kualifikasi hukum:", "Legal qualification:";
    HkNone => "(belum ada)", "(none yet)";
    HkNeedsTpks => "Jenis kekerasan Seksual: tetapkan jenis TPKS-nya (atau tpks_belum_diketahui).", "Sexual violence: set its TPKS kind (or tpks_belum_diketahui).";
    HkClocks => "Batas waktu:", "Deadlines:";
    HkClockLine => "  {}: batas {} — {}", "  {}: by {} — {}";
    HkChecklist => "Daftar periksa:", "Checklist:";
    HkComplaintOffence => "Catatan: PKDRT antara suami-istri — sebagian tindak pidananya delik aduan; korban dapat mencabut pengaduannya.", "Note: domestic violence between spouses — some of these offences are complaint offences; the victim may withdraw her complaint.";
    HkEvents => "Proses hukum:", "Legal process:";
    HkMediation => "Mediasi:", "Mediation:";
    HkMediationRefused => "Mediasi tidak boleh dicatat: kasus TPKS tidak diselesaikan di luar pengadilan, kecuali pelakunya anak (UU TPKS Pasal 23).", "Mediation may not be recorded: a TPKS case is not settled out of court unless the offender is a child (TPKS Law Art. 23).";
    HkNext => "berikutnya {}", "next {}";
    HelpCaseLegal => "Berkas kasus — tab Hukum", "Case file — Hukum (legal) tab";
    HCaseQualify => "tetapkan kualifikasi hukum (beberapa boleh; Seksual menanyakan jenis TPKS-nya)", "set the legal qualification (several allowed; Sexual asks its TPKS kind)";
    HCaseLegalEvent => "catat peristiwa hukum: jenis, tanggal, isiannya, tanggal berikutnya", "record a legal event: kind, date, its fields, the next date";
    HCaseMediation => "catat langkah mediasi (ditolak pada kasus TPKS, kecuali pelakunya anak)", "record a mediation step (refused on a TPKS case unless the offender is a child)";
    HCaseTick => "centang butir daftar periksa", "tick a checklist item";
    KeyQualify => "Kualifikasi", "Qualify";
    KeyLegalEvent => "Peristiwa", "Event";
    KeyMediation => "Mediasi", "Mediation";
    KeyTick => "Centang", "Tick";
    TabLegal => "Hukum", "Legal";
    HfRequired => "Wajib diisi.", "Required.";
    HfPickOne => "Pilih satu (↑ ↓, Enter).", "Pick one (↑ ↓, Enter).";
    HfBadTime => "Jam tidak terbaca: {} (contoh 09:30)", "Cannot read the time: {} (e.g. 09:30)";
    HfBadAmount => "Jumlah tidak terbaca: {} (contoh 15000000)", "Cannot read the amount: {} (e.g. 15000000)";
    HfQualify => "Kualifikasi hukum (Spasi memilih, Enter selesai)", "Legal qualification (Space picks, Enter done)";
    HfEventKind => "Peristiwa hukum apa?", "Which legal event?";
    HfStepKind => "Langkah mediasi apa?", "Which mediation step?";
    HfTick => "Centang yang sudah dilakukan", "Tick what was done";
    HfDate => "Tanggal (dd-mm-yyyy)", "Date (dd-mm-yyyy)";
    HfNext => "Tanggal berikutnya (kosongkan bila tidak ada)", "Next date (leave empty if none)";
    HfUnit => "Unit (Unit PPA Polres / Polsek …)", "Unit (Unit PPA Polres / Polsek …)";
    HfNumber => "Nomor laporan polisi", "Police report number";
    HfInvestigator => "Penyidik (boleh kosong)", "Investigator (may be empty)";
    HfTime => "Jam laporan dibuat (hh:mm, boleh kosong)", "Time the report was made (hh:mm, may be empty)";
    HfHospital => "Rumah sakit", "Hospital";
    HfResultReceived => "Hasil visum sudah diterima?", "Visum result received?";
    HfAccompanied => "Didampingi oleh (boleh kosong)", "Accompanied by (may be empty)";
    HfFrom => "Perlindungan sejak (dd-mm-yyyy)", "Protection from (dd-mm-yyyy)";
    HfTo => "Perlindungan sampai (dd-mm-yyyy)", "Protection until (dd-mm-yyyy)";
    HfP21 => "Berkas dinyatakan lengkap (P21)?", "File declared complete (P21)?";
    HfCourt => "Pengadilan", "Court";
    HfCaseNumber => "Nomor perkara (boleh kosong)", "Case number (may be empty)";
    HfWhatHappened => "Apa yang terjadi di sidang (boleh kosong)", "What happened at the hearing (may be empty)";
    HfNextHearing => "Sidang berikutnya (dd-mm-yyyy, boleh kosong)", "Next hearing (dd-mm-yyyy, may be empty)";
    HfSentence => "Putusan (pidana yang dijatuhkan)", "Verdict (the sentence)";
    HfAsked => "Restitusi diminta?", "Restitution asked for?";
    HfAmount => "Jumlah (Rp, boleh kosong)", "Amount (Rp, may be empty)";
    HfDecided => "Restitusi sudah diputus?", "Restitution decided?";
    HfPaidBy => "Dibayar paling lambat (dd-mm-yyyy, boleh kosong)", "To be paid by (dd-mm-yyyy, may be empty)";
    HfPaid => "Sudah dibayar?", "Paid?";
    HfDecision => "Keputusan LPSK (boleh kosong bila belum)", "LPSK's decision (may be empty if not yet)";
    HfMatter => "Perkaranya", "What it is about";
    HfFreeDecision => "Korban dapat memutuskan dengan bebas?", "Can the victim decide freely?";
    HfAssessedBy => "Dinilai oleh", "Assessed by";
    HfNote => "Catatan (boleh kosong)", "Note (may be empty)";
    HfAttended => "Yang hadir", "Who attended";
    HfResult => "Hasil sesi", "The session's result";
    HfPoints => "Butir-butir yang disepakati", "The points agreed";
    HfFollowUp => "Dicek lagi pada (dd-mm-yyyy, boleh kosong)", "Check again on (dd-mm-yyyy, may be empty)";
    HfKept => "Kesepakatan ditepati?", "Agreement kept?";
    HkTodoPolice => "Laporkan ke polisi, lalu catat laporan polisinya (h, Laporan polisi).", "Report to the police, then record the police report (h, Police report).";
    HkTodoFirstService => "Berikan layanan pertama atau catat kontak pertama (l atau p).", "Give the first service or record the first contact (l or p).";
    HkTodoShelter => "Catat tinjauan masa tinggal di rumah aman.", "Record a review of the rumah aman stay.";
    HkHearingSoon => "Sidang dalam 7 hari: {}", "Hearing within 7 days: {}";
    HkBy => "oleh {}", "by {}";
    HkYes => "ya", "yes";
    HkNo => "tidak", "no";
    HkQualSaved => "Kualifikasi hukum kasus {}: {}", "Legal qualification of case {}: {}";
    HkEventSaved => "{} dicatat pada kasus {}.", "{} recorded on case {}.";
    HkTicked => "Dicentang pada kasus {}: {}", "Ticked on case {}: {}";
    HkAlreadyTicked => "Sudah dicentang sebelumnya: {}", "Already ticked: {}";
    HkTakedownNote => "Permintaan penghapusan konten (UU TPKS Pasal 68)", "Content take-down request (TPKS Law Art. 68)";
    HkTakedownSaved => "Permintaan penghapusan konten dicatat pada kasus {} sebagai layanan bantuan hukum.", "Content take-down request recorded on case {} as a legal-aid service.";
    HkCodes => "Kode kualifikasi hukum:", "Legal qualification codes:";
    ErrHkQualUnknown => "kode kualifikasi tidak dikenal: {} (lihat meja hukum codes)", "unknown qualification code: {} (see meja hukum codes)";
    ErrHkNeedsTpks => "jenis kekerasan kasus ini Seksual: sertakan jenis TPKS-nya, atau tpks_belum_diketahui", "this case's violence is sexual: include its TPKS kind, or tpks_belum_diketahui";
    ErrHkDateFuture => "--date: tanggal di masa depan", "--date: the date is in the future";
    ErrHkUnit => "--unit: unit polisi (Polres/Polsek) wajib diisi", "--unit: the police unit (Polres/Polsek) is required";
    ErrHkNumber => "--number: nomor laporan polisi wajib diisi", "--number: the police report's number is required";
    ErrHkHospital => "--hospital: rumah sakit wajib diisi", "--hospital: the hospital is required";
    ErrHkCourt => "--court: pengadilan wajib diisi", "--court: the court is required";
    ErrHkSentence => "--sentence: amar putusan wajib diisi", "--sentence: the sentence is required";
    ErrHkProtection => "--to: perlindungan berakhir sebelum dimulai", "--to: the protection ends before it starts";
    ErrHkNextNotAfter => "tanggal berikutnya harus sesudah --date", "the next date must be after --date";
    ErrHkAmountNotAsked => "--amount: restitusi tidak diminta (--asked)", "--amount: restitution was not asked for (--asked)";
    ErrHkFlagNeeded => "{}: wajib untuk {}", "{}: required for {}";
    ErrHkTime => "--time: jam tidak terbaca: {} (tulis seperti 14:30)", "--time: cannot read the time: {} (write it like 14:30)";
    ErrHkAssessor => "--assessed-by: siapa yang menilai wajib diisi", "--assessed-by: who assessed is required";
    ErrHkNotAssessed => "belum ada asesmen kelayakan mediasi (meja hukum mediation CASE asesmen)", "no mediation eligibility assessment yet (meja hukum mediation CASE asesmen)";
    ErrHkNotEligible => "asesmen terakhir: mediasi tidak layak (bukan perkara perdata/delik aduan, atau korban tidak dapat memutuskan dengan bebas)", "the latest assessment found mediation not possible (not a civil matter or complaint offence, or the victim cannot decide freely)";
    ErrHkAttended => "--attended: siapa yang hadir wajib diisi", "--attended: who attended is required";
    ErrHkResult => "--result: hasil sesi wajib diisi", "--result: the session's result is required";
    ErrHkPoints => "--points: butir kesepakatan wajib diisi", "--points: the agreed points are required";
    ErrHkNoAgreement => "belum ada kesepakatan untuk ditinjau", "there is no agreement to review";
    ErrHkVictim => "--victim: korban nomor {} tidak ada pada kasus ini", "--victim: there is no victim number {} on this case";
    ErrHkMatter => "--matter: {} (pilih perdata, delik_aduan, lainnya)", "--matter: {} (choose perdata, delik_aduan, lainnya)";
    ErrHkMany => "{} (juga: {})", "{} (also: {})";
    ErrHkKind => "jenis peristiwa tidak dikenal: {} (pilih: {})", "unknown kind of event: {} (choose: {})";
    ErrHkStep => "tahap mediasi tidak dikenal: {} (pilih: {})", "unknown mediation step: {} (choose: {})";
    HkResultReceived => "hasil diterima: {}", "result received: {}";
    HkRestitution => "diminta: {}, jumlah: {}, diputus: {}, dibayar: {}", "asked: {}, amount: {}, decided: {}, paid: {}";
    HkFreeDecision => "korban memutuskan dengan bebas", "the victim decides freely";
    HkKept => "ditepati: {}", "kept: {}";
    MarkPolice => "P", "P";
    MarkFirstService => "L", "F";
    MarkShelter => "R", "R";
    MarkLeft => "{}{}j", "{}{}h";
    MarkOver => "{}+{}j", "{}+{}h";
    MarkHearingLetter => "S", "H";
    MarkHearing => "{}{}h", "{}{}d";
    RepPoliceReports => "Kasus dilaporkan ke polisi", "Cases reported to the police";
    RepVerdicts => "Kasus dengan putusan pengadilan", "Cases with a court verdict";
    // Directory (F4)
    DirSearch => "Cari:", "Search:";
    DirSearchHint => "ketik nama, jenis, layanan atau wilayah", "type a name, type, service or area";
    DirCount => "{} dari {} lembaga", "{} of {} agencies";
    DirOpenNow => "buka sekarang", "open now";
    DirPickingFor => "pilih lembaga untuk rujukan {}", "choose an agency for a referral of {}";
    DirInactive => "nonaktif", "inactive";
    DirExample => "Data contoh: ganti dengan data lembaga setempat.", "Example data: replace with your local agencies.";
    DirNoMatch => "Tidak ada lembaga yang cocok.", "No agency matches.";
    AgName => "Nama", "Name";
    AgKind => "Jenis", "Type";
    AgServices => "Layanan", "Services";
    AgAreas => "Wilayah layanan", "Area served";
    AgAddress => "Alamat", "Address";
    AgPhones => "Telepon", "Phones";
    AgEmail => "Email", "Email";
    AgHours => "Jam buka", "Opening hours";
    AgContact => "Narahubung", "Contact person";
    AgNotes => "Catatan", "Notes";
    AgVerified => "Diverifikasi", "Last verified";
    AgNeverVerified => "belum pernah", "never";
    AgNew => "Lembaga baru", "New agency";
    AgUnsaved => "belum disimpan", "not saved";
    AgSheetHint => "↑↓ pilih · Enter ubah · ^S simpan · F8 aktif/nonaktif · r rujuk · Del hapus · Esc kembali", "↑↓ choose · Enter edit · ^S save · F8 active/inactive · r refer · Del delete · Esc back";
    AgIssueName => "Nama wajib diisi", "A name is required";
    AgIssueCode => "Kode tidak dikenal: {}", "Unknown code: {}";
    AgIssuePhone => "Nomor telepon tidak valid: {}", "Not a valid phone number: {}";
    AgIssueEmail => "Alamat e-mail tidak valid: {} (contoh nama@kantor.go.id)", "Not a valid e-mail address: {} (e.g. name@office.go.id)";
    RowBadEmail => "kolom {}: alamat e-mail tidak valid: {}", "column {}: invalid e-mail address: {}";
    AgIssueFuture => "Tanggal verifikasi di masa depan", "Verification date is in the future";
    AgHoursPrompt => "Jam buka, mis. Sen-Jum 08.00-16.00; Sab 08.00-12.00", "Opening hours, e.g. Mon-Fri 08.00-16.00; Sat 08.00-12.00";
    AgListPrompt => "{} (pisahkan dengan koma)", "{} (separate with commas)";
    AgBadHours => "Jam buka tidak terbaca: {}", "Cannot read the opening hours: {}";
    AgBadDate => "Tanggal tidak terbaca: {}", "Cannot read the date: {}";
    AgSaved => "Lembaga disimpan.", "Agency saved.";
    AgFixFirst => "Perbaiki dulu yang ditandai ⚠.", "Fix what is marked ⚠ first.";
    AgConflict => "Lembaga ini baru saja diubah orang lain; data terbaru dimuat, ubah lagi.", "Someone else just changed this agency; the latest data is loaded, edit again.";
    AgConfirmDeactivate => "Nonaktifkan {}? Lembaga nonaktif tidak bisa dipilih untuk rujukan baru. (y/t)", "Deactivate {}? An inactive agency cannot be chosen for new referrals. (y/n)";
    AgConfirmActivate => "Aktifkan kembali {}? (y/t)", "Reactivate {}? (y/n)";
    AgConfirmDelete => "Hapus {} dari direktori? (y/t)", "Delete {} from the directory? (y/n)";
    AgHasReferrals => "{} sudah pernah dirujuk, jadi tidak dihapus: nonaktifkan saja (F8).", "{} has referrals, so it is not deleted: deactivate it instead (F8).";
    AgDeleted => "Lembaga dihapus.", "Agency deleted.";
    AgConfirmLeave => "Perubahan lembaga belum disimpan. Tinggalkan? (y/t)", "The agency's changes are not saved. Leave them? (y/n)";
    AgSaveFirst => "Simpan lembaga dulu (^S).", "Save the agency first (^S).";
    // Referrals
    TabReferrals => "Rujukan", "Referrals";
    RefNone => "Belum ada rujukan. Tekan r untuk merujuk ke lembaga.", "No referrals yet. Press r to refer to an agency.";
    RefRow => "{} · {} · {}", "{} · {} · {}";
    RefFollowUp => "tindak lanjut {}", "follow up {}";
    RefOverdue => "TERLAMBAT", "OVERDUE";
    RefLetterNo => "surat {}", "letter {}";
    RefOverrideShown => "tanpa persetujuan: {}", "without consent: {}";
    RefCasePrompt => "Rujuk untuk nomor kasus (mis. PPA/2026/0001)", "Refer for case number (e.g. PPA/2026/0001)";
    RefCaseNotFound => "Kasus {} tidak ditemukan.", "Case {} not found.";
    RefServicePrompt => "Layanan yang diminta", "Service requested";
    RefReasonPrompt => "Alasan rujukan", "Reason for the referral";
    RefFollowUpPrompt => "Tanggal tindak lanjut (dd-mm-yyyy; kosong = tanpa)", "Follow-up date (dd-mm-yyyy; empty = none)";
    RefOverridePrompt => "Persetujuan berbagi data TIDAK tercatat. Tulis alasan untuk tetap merujuk (dicatat di riwayat), atau Esc untuk batal:", "Consent to share data is NOT recorded. Write why you refer anyway (kept in the history), or Esc to cancel:";
    RefMade => "Rujukan ke {} dicatat.", "Referral to {} recorded.";
    RefStatusPrompt => "Status rujukan baru", "New referral status";
    RefFinal => "Status rujukan ini sudah final.", "This referral's status is final.";
    RefNoteRejected => "Alasan penolakan", "Why it was rejected";
    RefNoteDone => "Catatan dari lembaga penerima", "The provider's note";
    RefNoteRevoked => "Alasan pembatalan", "Why it is revoked";
    RefStatusSaved => "Status rujukan: {}.", "Referral status: {}.";
    RefLetterWritten => "Surat {} ditulis:", "Letter {} written:";
    RefLetterFailed => "Surat tidak dapat ditulis: {}", "The letter could not be written: {}";
    ErrRefNoConsent => "Persetujuan berbagi data belum tercatat.", "Consent to share data is not recorded.";
    ErrRefCaseClosed => "Kasus sudah ditutup; buka kembali dulu.", "The case is closed; reopen it first.";
    ErrRefInactive => "Lembaga nonaktif atau tidak ada.", "The agency is inactive or gone.";
    ErrRefService => "Pilih layanan yang diminta.", "Choose the service requested.";
    ErrRefReason => "Alasan rujukan wajib diisi.", "A reason for the referral is required.";
    ErrRefPast => "Tanggal tindak lanjut sudah lewat.", "The follow-up date is in the past.";
    ErrRefNotAllowed => "Status tidak bisa diubah ke sana.", "The status cannot change to that.";
    ErrRefNote => "Keterangan wajib diisi.", "A note is required.";
    ErrRefConflict => "Rujukan baru saja diubah orang lain; dimuat ulang.", "Someone else just changed this referral; reloaded.";
    TlReferred => "Dirujuk: {}", "Referred: {}";
    TlReferralStatus => "Status rujukan: {} → {}", "Referral status: {} → {}";
    TlNoConsent => "Dirujuk tanpa persetujuan berbagi data", "Referred without consent to share data";
    KeyFilterService => "Layanan", "Service";
    KeyFilterArea => "Wilayah", "Area";
    KeyOpenNow => "Buka skrg", "Open now";
    KeyAdd => "Tambah", "Add";
    KeyRefer => "Rujuk", "Refer";
    KeyActive => "Aktif/non", "Active/not";
    KeyStatus => "Status", "Status";
    KeyLetter => "Surat", "Letter";
    KeyTabs => "Tab", "Tab";
    KeyChoose => "Pilih", "Choose";
    HelpDirectory => "Di direktori lembaga", "In the agency directory";
    HDirType => "ketik untuk mencari (salah ketik satu huruf tetap ketemu)", "type to search (one mistyped letter still finds it)";
    HDirFilters => "saring layanan / wilayah / buka sekarang", "filter by service / area / open now";
    HDirOpen => "lihat & ubah lembaga (saat merujuk: pilih)", "view & edit the agency (when referring: choose it)";
    HDirAdd => "tambah lembaga", "add an agency";
    HCaseRefer => "rujuk ke lembaga", "refer to an agency";
    HelpCaseReferrals => "Di tab Rujukan berkas kasus", "On a case file's Referrals tab";
    HCaseStatusOnly => "ubah status rujukan", "change the referral's status";
    HCaseLetter => "tulis surat rujukan (teks dan PDF)", "write the referral letter (text and PDF)";
    HCaseScroll => "gulir riwayat & catatan", "scroll the history & notes";
    HelpCaseEdit => "Saat mengubah berkas kasus", "While editing a case file";
    HCaseSave => "simpan perubahan (dicatat di riwayat)", "save the changes (kept in the history)";
    HCaseStopEdit => "berhenti mengubah (bertanya bila ada perubahan)", "stop editing (asks when something changed)";
    HelpSearch => "Di pencarian kasus", "In the case search";
    HSearchType => "ketik nomor kasus, nama, NIK, telepon atau kata", "type a case number, name, NIK, phone or words";
    HelpSheet => "Di lembaga (direktori)", "On an agency (directory)";
    HSheetEdit => "ubah kolom yang dipilih", "edit the chosen field";
    HSheetSave => "simpan lembaga", "save the agency";
    HSheetActive => "nonaktifkan / aktifkan lagi", "deactivate / reactivate";
    HSheetDelete => "hapus (hanya bila belum pernah dirujuk)", "delete (only if never referred to)";
    HelpAudit => "Di log akses", "In the access log";
    HAuditType => "ketik untuk menyaring petugas, kasus atau tindakan", "type to narrow by staff, case or action";
    HelpHelp => "Di layar bantuan ini", "On this help screen";
    HelpSaved => "Setelah kasus disimpan", "After a case is saved";
    HListMove => "pilih baris", "choose a line";
    HBackToForm => "kembali ke formulir", "back to the form";
    HBoardPage => "satu layar naik / turun, awal / akhir kolom", "a screen up / down, top / end of a column";
    // The papers an office signs (issue 19: `meja print`, domain/paper.rs)
    PaperTitlePengaduan => "FORMULIR PENERIMAAN PENGADUAN", "COMPLAINT RECEIPT FORM";
    PaperTitlePersetujuan => "PERSETUJUAN SETELAH PENJELASAN (INFORMED CONSENT)", "INFORMED CONSENT";
    PaperTitleHakKorban => "HAK-HAK ANDA SEBAGAI KORBAN", "YOUR RIGHTS AS A VICTIM";
    PaperTitleBaMediasi => "BERITA ACARA MEDIASI", "RECORD OF MEDIATION";
    PaperTitleLaporanAkhir => "LAPORAN AKHIR PENANGANAN KASUS", "FINAL CASE REPORT";
    PaperCopyOffice => "Arsip kantor — RAHASIA.", "Office file — CONFIDENTIAL.";
    PaperCopyOthers => "Salinan untuk pihak lain: data yang dirahasiakan sesuai persetujuan klien tidak dicantumkan.", "Copy for others: what the client's consent withholds is left out.";
    PaperNumber => "Nomor:", "Number:";
    PaperCaseNumber => "Nomor kasus", "Case number";
    PaperReceived => "Tanggal diterima", "Received on";
    PaperChannel => "Cara melapor", "Reported by";
    PaperSectionReporter => "DATA PELAPOR", "REPORTER";
    PaperSectionVictim => "Korban", "Victim";
    PaperSectionVictimN => "Korban {}", "Victim {}";
    PaperSectionPerpetrator => "DATA TERLAPOR", "ALLEGED PERPETRATOR";
    PaperSectionIncident => "KEJADIAN", "INCIDENT";
    PaperSectionNeeds => "KEBUTUHAN LAYANAN", "SERVICES NEEDED";
    PaperSectionConsent => "PERSETUJUAN", "CONSENT";
    PaperName => "Nama", "Name";
    PaperNik => "NIK", "NIK";
    PaperSex => "Jenis kelamin", "Sex";
    PaperBirth => "Tanggal lahir", "Date of birth";
    PaperAge => "Umur", "Age";
    PaperYears => "{} tahun", "{} years";
    PaperAddress => "Alamat", "Address";
    PaperDomicile => "Domisili", "Living at";
    PaperPhone => "Telepon", "Phone";
    PaperSafeYes => "aman dihubungi", "safe to call";
    PaperSafeNo => "TIDAK aman dihubungi", "NOT safe to call";
    PaperSafeUnasked => "belum ditanya apakah aman dihubungi", "not asked whether safe to call";
    PaperDisability => "Disabilitas", "Disability";
    PaperGuardian => "Orang tua/wali", "Parent/guardian";
    PaperRelation => "Hubungan", "Relation";
    PaperIncidentDate => "Waktu kejadian", "When";
    PaperOngoing => "masih berlangsung", "still going on";
    PaperPlace => "Tempat", "Place";
    PaperViolence => "Jenis kekerasan", "Type of violence";
    PaperChronology => "KRONOLOGI", "ACCOUNT OF THE INCIDENT";
    PaperRisk => "Tingkat risiko", "Risk";
    PaperServices => "Layanan", "Services";
    PaperConsentServices => "Setuju menerima layanan", "Agrees to services";
    PaperConsentShare => "Setuju data dibagi ke lembaga rujukan", "Agrees to share data with referral agencies";
    PaperConsentWithhold => "Yang dirahasiakan", "Withheld";
    PaperConsentNote => "Catatan", "Notes";
    PaperNothingWithheld => "tidak ada", "nothing";
    PaperNotRecorded => "belum dicatat", "not recorded";
    PaperSignReporter => "Pelapor,", "Reporter,";
    PaperSignWorker => "Petugas penerima,", "Worker,";
    PaperSignClient => "Yang memberi persetujuan (korban / orang tua / wali),", "Given by (victim / parent / guardian),";
    PaperSignHead => "Kepala,", "Head,";
    PaperSignKnown => "Mengetahui,", "Acknowledged,";
    PaperConsentIntro => "Yang bertanda tangan di bawah ini:", "The undersigned:";
    PaperConsentAs => "Sebagai", "As";
    PaperConsentExplained => "menyatakan telah mendapat penjelasan yang cukup tentang layanan UPTD PPA, tujuan, manfaat dan risikonya, dan dengan sadar tanpa paksaan memberikan persetujuan sebagai berikut:", "states that the services of the UPTD PPA, their purpose, benefits and risks have been explained, and, freely and without pressure, gives consent as follows:";
    PaperConsentWith => "Data dibagi kepada", "Shared with";
    PaperConsentNoAgency => "belum ada lembaga rujukan", "no referral agency yet";
    PaperConsentRevoke => "Persetujuan ini dapat diubah atau ditarik kembali sewaktu-waktu dengan memberi tahu petugas; layanan tidak dihentikan karenanya.", "This consent may be changed or withdrawn at any time by telling the worker; services do not stop because of it.";
    PaperRightsIntro => "Anda tidak bersalah atas apa yang terjadi. Menurut UU No. 12 Tahun 2022 tentang Tindak Pidana Kekerasan Seksual (UU TPKS) dan UU No. 23 Tahun 2004 (PKDRT), Anda berhak atas:", "What happened is not your fault. Under Law 12/2022 on Sexual Violence (TPKS) and Law 23/2004 on Domestic Violence, you have the right to:";
    PaperRightsHandling => "1. Penanganan: informasi tentang seluruh proses dan hasil penanganan, pelindungan dan pemulihan; dokumen hasil penanganan; pendampingan dan bantuan hukum; penguatan psikologis; pelayanan kesehatan; dan penghapusan konten bermuatan seksual untuk kekerasan berbasis elektronik.", "1. Handling: information on every step and result of handling, protection and recovery; a document of the handling; accompaniment and legal aid; psychological support; health care; and removal of sexual content for online violence.";
    PaperRightsProtection => "2. Pelindungan: kerahasiaan identitas; pelindungan dari ancaman atau kekerasan pelaku dan dari kekerasan berulang; pelindungan dari sikap yang merendahkan; dan pelindungan dari kehilangan pekerjaan, pendidikan atau hak lain karena melapor.", "2. Protection: confidentiality of your identity; protection from threats or violence by the perpetrator and from repeat violence; protection from demeaning treatment; and protection from losing your job, schooling or other rights for reporting.";
    PaperRightsRecovery => "3. Pemulihan: rehabilitasi medis, mental dan sosial; pemberdayaan sosial; restitusi (ganti kerugian dari pelaku) dan kompensasi; serta reintegrasi sosial.", "3. Recovery: medical, mental and social rehabilitation; social empowerment; restitution (compensation from the perpetrator) and state compensation; and social reintegration.";
    PaperRightsList => "Anda boleh didampingi pada setiap tahap pemeriksaan, boleh bertanya, dan boleh menolak atau menghentikan layanan. Layanan UPTD PPA tidak dipungut biaya.", "You may be accompanied at every stage of examination, may ask questions, and may refuse or stop a service. UPTD PPA services are free of charge.";
    PaperOfficeWillTitle => "YANG AKAN DILAKUKAN UPTD PPA", "WHAT THE UPTD PPA WILL DO";
    PaperOfficeWill => "Menjaga kerahasiaan data Anda; menilai kebutuhan dan keselamatan Anda; menyusun rencana layanan bersama Anda; memberikan atau merujuk ke layanan kesehatan, psikologis, hukum dan rumah aman bila perlu; mendampingi Anda di kepolisian, kejaksaan dan pengadilan; melaporkan kekerasan seksual kepada kepolisian paling lambat 3 × 24 jam (UU TPKS Pasal 41); membagi data Anda hanya dengan persetujuan Anda; dan memantau sampai penanganan selesai.", "Keep your data confidential; assess your needs and safety; draw up a service plan with you; give or refer you to health, psychological, legal and safe-house services when needed; accompany you to the police, prosecutor and court; report sexual violence to the police within 3 × 24 hours (TPKS Law Art. 41); share your data only with your consent; and follow up until the handling is complete.";
    PaperRightsContact => "Petugas Anda: {}. Hubungi: {}.", "Your worker: {}. Contact: {}.";
    PaperRightsReceived => "Telah menerima dan mendapat penjelasan,", "Received and explained,";
    PaperMediationOpening => "Pada tanggal {}, bertempat di {}, telah dilaksanakan mediasi antara para pihak berikut, dengan hasil sebagaimana tercatat di bawah ini.", "On {}, at {}, a mediation was held between the following parties, with the result recorded below.";
    PaperMediationParties => "PARA PIHAK", "PARTIES";
    PaperMediationVictim => "Pihak pertama (korban)", "First party (victim)";
    PaperMediationOther => "Pihak kedua", "Second party";
    PaperMediationAssessment => "ASESMEN KELAYAKAN", "ELIGIBILITY ASSESSMENT";
    PaperMediationMatter => "Perkara", "Matter";
    PaperMediationFree => "Korban dapat memutuskan dengan bebas", "The victim can decide freely";
    PaperMediationAssessor => "Dinilai oleh", "Assessed by";
    PaperMediationSessions => "SESI MEDIASI", "SESSIONS";
    PaperMediationAttended => "Hadir", "Attended";
    PaperMediationResult => "Hasil", "Result";
    PaperMediationAgreement => "KESEPAKATAN", "AGREEMENT";
    PaperMediationFollowUp => "Dipantau pada", "Checked on";
    PaperMediationReviews => "PEMANTAUAN KESEPAKATAN", "CHECKS ON THE AGREEMENT";
    PaperMediationKept => "ditepati", "kept";
    PaperMediationNotKept => "tidak ditepati", "not kept";
    PaperMediationClosing => "Kesepakatan ini dibuat tanpa paksaan dan ditandatangani para pihak. UPTD PPA memantau pelaksanaannya; korban tetap berhak menempuh jalur hukum.", "This agreement was made without pressure and is signed by the parties. The UPTD PPA monitors that it is kept; the victim keeps the right to go to law.";
    PaperSignFirst => "Pihak pertama,", "First party,";
    PaperSignSecond => "Pihak kedua,", "Second party,";
    PaperSignMediator => "Mediator,", "Mediator,";
    PaperReportCase => "Kasus", "Case";
    PaperReportOpened => "Dibuka", "Opened";
    PaperReportClosed => "Ditutup", "Closed";
    PaperReportReason => "Alasan penutupan", "Reason for closing";
    PaperReportStages => "TAHAPAN", "STAGES";
    PaperReportServices => "LAYANAN YANG DIBERIKAN", "SERVICES GIVEN";
    PaperReportReferrals => "RUJUKAN", "REFERRALS";
    PaperReportLegal => "PROSES HUKUM", "LEGAL STEPS";
    PaperReportMediation => "MEDIASI", "MEDIATION";
    PaperReportNone => "tidak ada", "none";
    PaperReportClosing => "Demikian laporan akhir ini dibuat dengan sebenarnya.", "This final report is made truthfully.";
    PaperYes => "ya", "yes";
    PaperNo => "tidak", "no";
    ErrPaperKind => "jenis kertas tidak dikenal: {} (yang ada: {})", "unknown paper: {} (known: {})";
    ErrPaperCopy => "salinan tidak dikenal: {} (yang ada: kantor, pihak-lain)", "unknown copy: {} (known: kantor, pihak-lain)";
    ErrPaperNoCopies => "{} hanya satu versi; --copy tidak berlaku", "{} has one version only; --copy does not apply";
    ErrPaperNoAgreement => "kasus {} belum punya kesepakatan mediasi yang dicatat", "case {} has no mediation agreement recorded";
    ErrPaperNotClosed => "kasus {} belum ditutup: laporan akhir dibuat saat penutupan", "case {} is not closed: the final report is written at closure";
    PaperPromptKind => "Cetak kertas apa?", "Print which paper?";
    PaperPromptCopy => "Salinan yang mana?", "Which copy?";
    PaperPromptChronology => "Sertakan kronologi?", "Add the chronology?";
    PaperPromptPath => "Tulis ke berkas (.pdf atau .txt):", "Write to the file (.pdf or .txt):";
    ErrPaperPick => "Pilih satu dengan Spasi atau Enter.", "Choose one with Space or Enter.";
    ErrPaperPath => "Tulis nama berkasnya.", "Type the file's name.";
    HCasePaper => "cetak kertas untuk ditandatangani (formulir, persetujuan, hak korban …)", "print a paper to sign (complaint form, consent, rights …)";
    OfficeNotConfigured => "Belum diatur untuk surat: {} — isi [office] di meja.toml", "Not set for letters: {} — fill in [office] in meja.toml";
    MissingLetterhead => "kop surat", "letterhead";
    MissingCity => "kota", "city";
    MissingSignatory => "penandatangan", "signatory";
    PaperWrittenTo => "{} ditulis ke {}", "{} written to {}";
    PaperWrittenNumbered => "{} nomor {} ditulis ke {}", "{} number {} written to {}";
    // Referral letter (surat rujukan)
    LetterNumber => "Nomor", "Number";
    LetterNature => "Sifat", "Classification";
    LetterConfidential => "Rahasia", "Confidential";
    LetterAttachment => "Lampiran", "Attachment";
    LetterSubject => "Perihal", "Subject";
    LetterSubjectText => "Rujukan layanan {}", "Referral for {}";
    LetterTo => "Kepada Yth. Pimpinan", "To the head of";
    LetterGreeting => "Dengan hormat,", "Dear Sir or Madam,";
    LetterOpening => "Bersama ini kami merujuk klien kami untuk mendapatkan layanan {}, dengan data sebagai berikut:", "We refer our client to you for {}. The client's details:";
    LetterCaseNumber => "Nomor kasus", "Case number";
    LetterClientN => "Klien {}", "Client {}";
    LetterName => "Nama", "Name";
    LetterSex => "Jenis kelamin", "Sex";
    LetterBirth => "Tanggal lahir", "Date of birth";
    LetterBirthAge => "{} ({} tahun)", "{} ({} years)";
    LetterAge => "Umur", "Age";
    LetterYears => "{} tahun", "{} years";
    LetterAddress => "Alamat", "Address";
    LetterGuardian => "Orang tua/wali", "Parent/guardian";
    LetterPhone => "Telepon keluarga", "Family phone";
    LetterVictimPhone => "Telepon korban", "Victim's phone";
    LetterSafeYes => "aman dihubungi", "safe to call";
    LetterSafeNo => "TIDAK aman dihubungi, jangan ditelepon", "NOT safe to call, do not ring";
    LetterSafeUnasked => "belum ditanya apakah aman dihubungi", "not asked whether safe to call";
    LetterViolence => "Jenis kekerasan", "Type of violence";
    LetterPerpetrator => "Terlapor", "Alleged perpetrator";
    LetterChronology => "Kronologi singkat", "Brief account";
    LetterReason => "Alasan rujukan", "Reason for referral";
    LetterReplyBy => "Mohon kiranya klien dapat dilayani dan tanggapan disampaikan kepada kami paling lambat {}.", "Please provide the service and send us your reply by {}.";
    LetterReply => "Mohon kiranya klien dapat dilayani dan tanggapan disampaikan kepada kami.", "Please provide the service and send us your reply.";
    LetterContact => "Narahubung", "Contact";
    LetterPrivacy => "Data dalam surat ini bersifat rahasia dan hanya digunakan untuk layanan kepada klien (UU 11/2012 Pasal 19; UU 27/2022).", "The data in this letter is confidential and may be used only to serve the client (Law 11/2012 art. 19; Law 27/2022).";
    LetterWithheldNote => "Sebagian data tidak dicantumkan atas permintaan klien.", "Some details are left out at the client's request.";
    LetterRegards => "Hormat kami,", "Yours faithfully,";
    LetterAgeBand => "Kelompok umur", "Age group";
    ErrLetterItem => "--include {}: bukan isi surat yang dikenal; pilih dari: {}", "--include {}: not a letter item; choose from: {}";
    LetterMinimumNote => "Klien belum menyetujui datanya dibagi: surat ini hanya memuat data yang diperlukan untuk layanan.", "The client has not agreed to share her data: this letter carries only what the service needs.";
    LetterNip => "NIP.", "NIP";
    // Screens
    TitleIntake => "Pengaduan baru", "New intake";
    TitleDrafts => "Draf yang belum selesai", "Unfinished drafts";
    TitleHelp => "Bantuan", "Help";
    TitleBoard => "Papan kasus", "Case board";
    TitleDirectory => "Direktori lembaga", "Agency directory";
    TitleSaved => "Kasus dibuka", "Case opened";
    TooSmall => "Layar terlalu kecil: perbesar ke 80×24", "Screen too small: enlarge to 80×24";
    // Key bar
    KeyHelp => "Bantuan", "Help";
    KeyNew => "Baru", "New";
    KeyQuit => "Keluar", "Quit";
    KeySave => "Simpan", "Save";
    KeyPick => "Pilih", "Choose";
    KeyAddVictim => "+Korban", "+Victim";
    KeyAddPerp => "+Terlapor", "+Perpetrator";
    KeyRemovePerson => "Hapus", "Remove";
    KeyBack => "Kembali", "Back";
    KeyResume => "Lanjutkan", "Resume";
    KeyDiscard => "Buang", "Discard";
    KeyToggle => "Centang", "Toggle";
    KeyDone => "Selesai", "Done";
    KeyFilter => "ketik untuk menyaring", "type to filter";
    // Sections
    SecReporter => "Pelapor", "Reporter";
    SecVictim => "Korban", "Victim";
    SecPerpetrator => "Terlapor", "Alleged perpetrator";
    SecIncident => "Kejadian", "Incident";
    SecTriage => "Triase", "Triage";
    SecConsent => "Persetujuan", "Consent";
    NoPerpetrator => "Belum ada terlapor — F6 untuk menambah", "No alleged perpetrator yet — F6 to add";
    // Form status
    DraftSavedAt => "Draf tersimpan {}", "Draft saved {}";
    DraftNotSaved => "Draf belum tersimpan: {}", "Draft not saved: {}";
    AgeFromBirth => "umur {} th", "age {}";
    FixFirst => "Belum bisa disimpan: {}", "Cannot save yet: {}";
    CaseOpenedNumber => "Nomor kasus: {}", "Case number: {}";
    WriteOnPaper => "Tulis nomor ini pada berkas kertas.", "Write this number on the paper file.";
    SavedNext => "Enter: pengaduan baru · F10: keluar", "Enter: new intake · F10: quit";
    SaveFailed => "Gagal menyimpan: {}. Isian tetap; coba ^S lagi.", "Save failed: {}. Form kept; try ^S again.";
    ConfirmRemoveVictim => "Hapus korban {} dari formulir? (y/t)", "Remove victim {} from the form? (y/n)";
    ConfirmRemovePerp => "Hapus terlapor {} dari formulir? (y/t)", "Remove perpetrator {} from the form? (y/n)";
    LastVictimStays => "Minimal satu korban.", "At least one victim is needed.";
    NotOnPerson => "Pindah ke bagian korban atau terlapor dulu.", "Move to a victim or perpetrator first.";
    ConfirmDiscard => "Buang draf {}? Isinya hilang. (y/t)", "Discard draft {}? Its content is lost. (y/n)";
    ConfirmQuitUnsaved => "Draf belum tersimpan ({}). Tetap keluar? (y/t)", "Draft not saved ({}). Quit anyway? (y/n)";
    DraftsIntro => "Ada pengaduan yang belum selesai. Lanjutkan salah satu, atau F2 untuk pengaduan baru.",
        "There are unfinished intakes. Resume one, or F2 for a new intake.";
    DraftRow => "{}  korban {}  · {}", "{}  victim {}  · {}";
    DraftDiscarded => "Draf dibuang.", "Draft discarded.";
    NoneChosen => "—", "—";
    PickNothingMatches => "(tidak ada yang cocok)", "(nothing matches)";
    // Help
    HelpGlobal => "Di semua layar", "On every screen";
    HelpForm => "Di formulir pengaduan", "In the intake form";
    HelpList => "Di daftar pilihan", "In a pick-list";
    HelpBoard => "Di papan kasus", "On the case board";
    HelpCase => "Di berkas kasus", "In a case file";
    HBoardMove => "pindah kartu / kolom", "move between cards / columns";
    HBoardOpen => "buka berkas kasus", "open the case file";
    HBoardStage => "maju / mundur satu tahap (mundur perlu alasan)", "one stage forward / back (back needs a reason)";
    HBoardClose => "tutup dengan alasan / buka kembali", "close with a reason / reopen";
    HBoardAssign => "tugaskan ke petugas", "assign to a worker";
    HBoardSearch => "cari kasus", "find a case";
    HBoardFilter => "saring / tampilkan yang ditutup", "filter / show closed cases";
    HBoardMarks => "Tanda: ! darurat, * lewat target tindak lanjut", "Marks: ! emergency, * past its follow-up target";
    HCaseEdit => "ubah data (Ctrl-S simpan, Esc batal)", "edit the data (Ctrl-S save, Esc cancel)";
    HCaseNote => "tambah catatan", "add a note";
    HCaseRead => "baca kronologi dan catatan selengkapnya", "read the chronology and notes in full";
    HelpPager => "Membaca teks panjang", "Reading long texts";
    HPagerLine => "gulir satu baris", "scroll one line";
    HPagerPage => "gulir satu halaman", "scroll one page";
    HPagerEnds => "ke awal / ke akhir", "to the start / to the end";
    HPagerClose => "kembali ke berkas kasus", "back to the case file";
    PagerChronology => "Kronologi", "Chronology";
    PagerClosure => "Keterangan penutupan", "Closure note";
    PagerNote => "Catatan {} · {}", "Note {} · {}";
    PagerEmpty => "(kosong)", "(empty)";
    PagerWhere => "baris {}–{} dari {}", "lines {}–{} of {}";
    HCaseTab => "data / riwayat & catatan / rujukan", "data / history & notes / referrals";
    HelpDrafts => "Di daftar draf", "In the list of drafts";
    HelpMore => "↓ / PgDn: selanjutnya", "↓ / PgDn: more";
    HelpCtrlNote => "Jika tombol F tidak berfungsi (mis. lewat ssh), gunakan Ctrl-huruf di sebelahnya.",
        "If F-keys do not work (e.g. over ssh), use the Ctrl-letter beside them.";
    HNew => "pengaduan baru", "new intake";
    HBoard => "papan kasus", "case board";
    HTugas => "tugas: yang jatuh tempo", "tasks: what falls due";
    HelpTugas => "Di daftar tugas", "In the task list";
    HTugasMove => "pilih tugas", "choose a task";
    HTugasOpen => "buka kasusnya di bagian tugas itu", "open its case where the task is";
    HTugasScope => "tugas saya / semua petugas (supervisor)", "my tasks / everyone's (supervisor)";
    KeyTugasScope => "Saya/semua", "Mine/all";
    TitleTugas => "Tugas", "Tasks";
    TugasEmpty => "Tidak ada yang jatuh tempo dalam 7 hari.", "Nothing falls due in the next 7 days.";
    TugasScopeOnlyMine => "Daftar semua petugas hanya untuk supervisor.", "Everyone's list is for a supervisor.";
    BoardOverdue => "{} terlambat", "{} overdue";
    HDirectory => "direktori lembaga", "agency directory";
    HHelp => "bantuan ini", "this help";
    HQuit => "keluar (draf disimpan)", "quit (the draft is kept)";
    HBack => "kembali / batal", "back / cancel";
    HMove => "pindah kolom isian", "move between fields";
    HSection => "lompat ke bagian berikut / sebelumnya", "jump to the next / previous section";
    HPick => "buka daftar pilihan (ketik untuk menyaring)", "open the pick-list (type to filter)";
    HSave => "simpan dan buka kasus", "save and open the case";
    HAddVictim => "tambah korban", "add a victim";
    HAddPerp => "tambah terlapor", "add an alleged perpetrator";
    HRemove => "hapus korban/terlapor yang sedang diisi", "remove the victim/perpetrator being edited";
    HEdit => "geser kursor, hapus kata, hapus baris", "move cursor, delete word, delete line";
    HLongText => "Kronologi: Enter = baris baru, Tab = keluar", "Chronology: Enter = new line, Tab = leave";
    HToggle => "centang / hapus centang (pilihan ganda)", "tick / untick (multiple choice)";
    HChoose => "pilih dan tutup", "choose and close";
    HResume => "lanjutkan draf", "resume the draft";
    HDiscard => "buang draf (dengan konfirmasi)", "discard the draft (asks first)";
    // Board, case file, search
    TitleCase => "Berkas kasus", "Case file";
    TitleSearch => "Cari kasus", "Find a case";
    BoardEmpty => "(kosong)", "(empty)";
    DaysShort => "{} hr", "{} d";
    KeyOpen => "Buka", "Open";
    KeyForward => "Maju", "Forward";
    KeyBackStage => "Mundur", "Back";
    KeyClose => "Tutup", "Close";
    KeyAssign => "Tugaskan", "Assign";
    KeySearch => "Cari", "Find";
    KeyFilterBoard => "Saring", "Filter";
    KeyClosed => "Ditutup", "Closed";
    KeyEdit => "Ubah", "Edit";
    KeyNote => "Catatan", "Note";
    KeyRead => "Baca", "Read";
    KeyScroll => "Gulir", "Scroll";
    KeyPage => "Halaman", "Page";
    KeyClosePager => "Kembali", "Back";
    KeyReopen => "Buka lagi", "Reopen";
    KeyTimeline => "Riwayat", "History";
    Emergency => "DARURAT", "EMERGENCY";
    RiskShort => "Risiko", "Risk";
    AssignedShort => "Petugas", "Worker";
    Editing => "MENGUBAH — Ctrl-S simpan, Esc batal", "EDITING — Ctrl-S save, Esc cancel";
    OpenedBy => "dibuka {} oleh {}", "opened {} by {}";
    TabData => "Data", "Data";
    TabTimeline => "Riwayat & catatan", "History & notes";
    TlOpened => "Kasus dibuka", "Case opened";
    TlStage => "Tahap: {} → {}", "Stage: {} → {}";
    TlAssigned => "Ditugaskan ke {}", "Assigned to {}";
    TlEdited => "Diubah {}: {} → {}", "Changed {}: {} → {}";
    TlReason => "alasan", "reason";
    TlNote => "Catatan", "Note";
    ConfirmMove => "Pindahkan {} ke {}? (y/t)", "Move {} to {}? (y/n)";
    ConfirmJump => "Darurat: d = langsung ke Intervensi.", "Emergency: d = straight to Services.";
    ConfirmClose => "Tutup {} — {}? (y/t)", "Close {} — {}? (y/n)";
    ConfirmCancelEdit => "Batalkan perubahan pada berkas ini? (y/t)", "Discard the changes to this file? (y/n)";
    BackPrompt => "Alasan kembali ke {}", "Reason to go back to {}";
    ReopenPrompt => "Alasan membuka kembali", "Reason to reopen";
    ClosePrompt => "Alasan penutupan", "Closure reason";
    CloseNotePrompt => "Keterangan alasan lainnya", "Describe the other reason";
    AssignPrompt => "Tugaskan ke akun (ketik untuk menyaring)", "Assign to an account (type to filter)";
    NotePrompt => "Catatan baru (tidak bisa diubah; koreksi = catatan baru)", "New note (cannot be changed; a correction is a new note)";
    FilterPrompt => "Saring papan", "Filter the board";
    DatesPrompt => "Dibuka antara (mis. 01-10-2026 - 23-11-2026)", "Opened between (e.g. 01-10-2026 - 23-11-2026)";
    ErrDates => "Tulis dua tanggal: 01-10-2026 - 23-11-2026", "Write two dates: 01-10-2026 - 23-11-2026";
    SearchPrompt => "Cari (nomor, nama, NIK, telepon, kata)", "Find (number, name, NIK, phone, words)";
    SearchNone => "(tidak ditemukan)", "(nothing found)";
    Moved => "Tahap diperbarui.", "Stage updated.";
    Assigned => "Petugas diperbarui.", "Worker updated.";
    NoteAdded => "Catatan disimpan.", "Note saved.";
    CaseSaved => "Perubahan disimpan.", "Changes saved.";
    ConflictReloaded => "Kasus ini baru diubah orang lain; tidak ada yang ditimpa. Papan dimuat ulang.", "Someone else just changed this case; nothing was overwritten. Reloaded.";
    DemoMark => "DEMO", "DEMO";
    TitleFilter => " · Saring: {} (x hapus)", " · Filter: {} (x clears)";
    HBoardClearFilter => "hapus saringan (semua kasus lagi)", "clear the filter (every case again)";
    QuitDraftKept => "Pengaduan yang belum disimpan tetap ada sebagai draf di {}; meja membuka daftar draf saat dijalankan lagi.", "The intake not yet saved is kept as a draft in {}; meja opens on the list of drafts when run again.";
    QuitDemoDraftGone => "Demo: pengaduan yang belum disimpan hilang bersama basis data demo.", "Demo: the intake not yet saved is gone with the demo database.";
    ConflictTitle => "Sudah diubah orang lain", "Changed by someone else";
    ConflictMerged => "Isian Anda yang lain tetap; kolom yang diubah orang lain kini berisi nilai mereka. Periksa, lalu simpan lagi.", "Your other entries stay; fields the other person changed now hold their values. Check, then save again.";
    ContestField => "Diubah Anda dan orang lain: {}", "Changed by you and by someone else: {}";
    ContestMine => "Milik Anda: {}", "Yours: {}";
    ContestTheirs => "Milik orang lain: {}", "Theirs: {}";
    ContestKeys => "y: pakai milik Anda · o: pakai milik orang lain · Esc: biarkan milik orang lain", "y: keep yours · o: take theirs · Esc: leave theirs";
    ContestMore => " ({} kolom lagi)", " ({} more fields)";
    ConflictExplain => "Tidak disimpan. Perubahan orang lain sejak Anda membuka berkas:", "Not saved. What the other person changed since you opened the file:";
    StageWord => "tahap", "stage";
    ErrSkipsStage => "Tidak bisa melompati tahap.", "Stages cannot be skipped.";
    ErrWrongDirection => "Tidak ada tahap ke arah itu.", "No stage in that direction.";
    ErrReasonRequired => "Alasan wajib diisi.", "A reason is required.";
    ErrClosureReason => "Pilih alasan penutupan (lainnya: beri keterangan).", "Choose a closure reason (other: describe it).";
    ErrCaseClosed => "Kasus sudah ditutup; buka kembali dengan o.", "The case is closed; reopen it with o.";
    ErrCaseNotClosed => "Kasus belum ditutup.", "The case is not closed.";
    ErrNotPermitted => "Anda tidak berwenang untuk ini.", "You are not permitted to do this.";
    // Regions
    RegionProvince => "Provinsi", "Province";
    RegionRegency => "Kabupaten/Kota", "Regency/City";
    RegionDistrict => "Kecamatan", "District";
    RegionVillage => "Desa/Kelurahan", "Village";
    RegionKeys => "Enter masuk · Tab cukup di sini · ⌫ naik · Del kosong · Esc", "Enter go in · Tab stop here · ⌫ up · Del none · Esc";
    HDirClear => "hapus semua saringan dan pencarian", "clear every filter and the search";
    RegionFromNik => "dari NIK", "from the NIK";
    RegionFromConfig => "wilayah kantor", "the office's region";
    // CLI and errors
    ErrDbIsDir => "{} adalah folder, bukan berkas basis data", "{} is a directory, not a database file";
    ErrDbNoFolder => "folder untuk basis data tidak ada: {}", "the folder for the database does not exist: {}";
    ErrDbOpen => "tidak bisa membuka basis data {}: {}", "cannot open database {}: {}";
    ErrDbNotSqlite => "{} bukan basis data meja (bukan berkas SQLite)", "{} is not a meja database (not an SQLite file)";
    ErrDbReadOnly => "basis data {} hanya-baca: periksa izin berkas dan foldernya", "database {} is read-only: check the permissions of the file and its folder";
    ErrDbTooNew => "basis data {} dibuat oleh meja yang lebih baru (skema {}); perbarui meja", "database {} was made by a newer meja (schema {}); update meja";
    ErrSqliteOld => "SQLite {} terlalu lama (perlu ≥ 3.51.3)", "SQLite {} is too old (need ≥ 3.51.3)";
    ImportAdded => "tambah   {}", "add      {}";
    ImportUpdated => "ubah     {} ({})", "update   {} ({})";
    ImportUnchanged => "tetap    {}", "same     {}";
    ImportSkipped => "lewati   {} baris {}: {}", "skip     {} line {}: {}";
    ImportTotal => "{} ditambah, {} diubah, {} tetap, {} baris dilewati.", "{} added, {} updated, {} unchanged, {} rows skipped.";
    ImportTotalDry => "Uji coba (tidak ada yang ditulis): {} akan ditambah, {} diubah, {} tetap, {} baris dilewati.", "Dry run (nothing written): {} would be added, {} updated, {} unchanged, {} rows skipped.";
    ExportDone => "{} lembaga ditulis ke {}", "{} agencies written to {}";
    RefLetterWrittenTo => "Surat {} ditulis ke {}", "Letter {} written to {}";
    ErrNoReferral => "rujukan {} tidak ditemukan", "referral {} not found";
    ErrWriteFile => "tidak bisa menulis {}: {}", "cannot write {}: {}";
    ErrDb => "galat basis data: {}", "database error: {}";
    ErrDiskFull => "disk penuh", "the disk is full";
    ErrDiskRefused => "disk tidak bisa ditulis", "the disk cannot be written";
    ErrDbReadOnlyNow => "basis data hanya-baca", "the database is read-only";
    ErrDbBusy => "basis data sibuk; coba lagi", "the database is busy; try again";
    ErrConfigRead => "tidak bisa membaca konfigurasi {}: {}", "cannot read configuration {}: {}";
    ErrConfigParse => "konfigurasi {} baris {}: {}", "configuration {} line {}: {}";
    ConfigSyntax => "{}", "{}";
    ConfigBadLanguage => "language = {}: pakai \"id\" atau \"en\"", "language = {}: use \"id\" or \"en\"";
    ConfigBadZone => "timezone = {}: bukan zona waktu; pakai \"Asia/Jakarta\" (WIB), \"Asia/Makassar\" (WITA) atau \"Asia/Jayapura\" (WIT)", "timezone = {}: not a time zone; use \"Asia/Jakarta\" (WIB), \"Asia/Makassar\" (WITA) or \"Asia/Jayapura\" (WIT)";
    ConfigZeroLimit => "{} = 0: batas paling sedikit 1", "{} = 0: a limit is at least 1";
    ErrConfigExists => "konfigurasi sudah ada: {} (tidak ditimpa)", "configuration already exists: {} (not overwritten)";
    ErrConfigWritable => "konfigurasi {} boleh ditulis akun lain (mode {}); perbaiki dengan: chmod go-w {}", "configuration {} is writable by other accounts (mode {}); fix it with: chmod go-w {}";
    ErrNoDataDir => "tidak menemukan folder data pengguna; gunakan --db PATH", "cannot find the user data folder; use --db PATH";
    ErrTerminal => "galat terminal: {}", "terminal error: {}";
    ErrLang => "bahasa tidak dikenal: {} (pakai id atau en)", "unknown language: {} (use id or en)";
    ConfigWritten => "Konfigurasi ditulis: {}", "Configuration written: {}";
    DemoDone => "{} kasus dan {} lembaga ditulis ke {} dalam {:.1} detik", "{} cases and {} agencies written to {} in {:.1} s";
    // Ready for a pilot, last points (issue 16)
    LetterItemsPrompt => "Tanpa persetujuan: data minimum, dan yang dicentang", "No consent: the minimum, and what you tick";
    // Staff accounts and sign-in
    TitleAudit => "Log akses", "Access log";
    KeyAudit => "Log", "Log";
    KeyNarrow => "saring", "narrow";
    HBoardAudit => "log akses: siapa membuka, melihat, mengubah (supervisor)", "access log: who opened, saw, changed (supervisor)";
    ErrDbOpenToOthers => "{} dapat dibaca/ditulis semua pengguna (mode {}); perbaiki dengan `chmod 600 {}` (atau 660 untuk grup bersama)", "{} is open to every user (mode {}); fix it with `chmod 600 {}` (or 660 for a shared group)";
    KeyRevealNik => "NIK", "NIK";
    HCaseReveal => "tampilkan / sembunyikan NIK (dicatat di log akses)", "show / hide the NIK (written to the access log)";
    HPrivacy => "sembunyikan layar seketika; kembali dengan PIN", "hide the screen at once; back with the PIN";
    ErrNeedsMigrate => "basis data {} memakai skema lama (versi {}, perlu {}): buat cadangan, lalu jalankan `meja migrate`", "database {} has an older schema (version {}, needs {}): make a backup, then run `meja migrate`";
    ErrTimezone => "zona waktu {} tidak dikenal: pakai mis. \"Asia/Jakarta\" (WIB), \"Asia/Makassar\" (WITA), \"Asia/Jayapura\" (WIT)", "unknown time zone {}: use e.g. \"Asia/Jakarta\" (WIB), \"Asia/Makassar\" (WITA), \"Asia/Jayapura\" (WIT)";
    ErrTimezoneNoTzdata => "zona waktu {} memakai waktu musim panas dan perlu basis data zona waktu sistem (paket tzdata)", "time zone {} has daylight saving and needs the system's time zone database (package tzdata)";
    CheckServerUtc => "! Jam server memakai UTC dan zona waktu kantor belum diatur: isi [office] timezone = \"Asia/Jakarta\" (WIB), \"Asia/Makassar\" (WITA) atau \"Asia/Jayapura\" (WIT)", "! The server's clock runs on UTC and no office time zone is set: set [office] timezone = \"Asia/Jakarta\" (WIB), \"Asia/Makassar\" (WITA) or \"Asia/Jayapura\" (WIT)";
    ErrUnattendedUnderSudo => "--unattended hanya untuk tugas sistem, bukan lewat sudo: {}, buat cadangan dengan PIN Anda", "--unattended is for system jobs, not through sudo: {}, back up with your PIN";
    ErrUserUnderSudo => "--user tidak dapat dipakai lewat sudo: Anda masuk sebagai {}", "--user cannot be used through sudo: you are signed in as {}";
    ErrPinNeeded => "perintah ini perlu PIN: jalankan di terminal, atau isi MEJA_PIN", "this command needs a PIN: run it in a terminal, or set MEJA_PIN";
    ErrNewPinNeeded => "PIN baru perlu: jalankan di terminal, atau isi MEJA_NEW_PIN", "a new PIN is needed: run it in a terminal, or set MEJA_NEW_PIN";
    ErrWrongPin => "PIN salah (sisa {} kali sebelum akun dikunci)", "wrong PIN ({} tries left before the account locks)";
    ErrLocked => "akun {} dikunci sampai pukul {} karena PIN salah berulang; supervisor dapat mengganti PIN", "account {} is locked until {} after repeated wrong PINs; a supervisor can reset the PIN";
    ErrNotStaff => "{} bukan akun petugas meja; minta supervisor menjalankan `meja staff add {}`", "{} is not a meja staff account; ask a supervisor to run `meja staff add {}`";
    ErrStaffDisabled => "akun {} dinonaktifkan", "account {} is disabled";
    ErrNoPin => "akun {} belum punya PIN; minta supervisor menjalankan `meja staff set-pin {}`", "account {} has no PIN yet; ask a supervisor to run `meja staff set-pin {}`";
    ErrNoStaffYet => "basis data ini belum punya akun; buat supervisor pertama: `MEJA_NEW_PIN=… meja staff add {} --name NAMA --role supervisor`", "this database has no accounts yet; make the first supervisor: `MEJA_NEW_PIN=… meja staff add {} --name NAME --role supervisor`";
    ErrUsername => "nama akun {} tidak sah: huruf, angka, titik, garis bawah atau tanda hubung, paling banyak 32", "account name {} is not valid: letters, digits, dot, underscore or hyphen, at most 32";
    ErrPinFormat => "PIN harus 4–12 angka", "a PIN is 4–12 digits";
    ErrPinMismatch => "kedua PIN tidak sama", "the two PINs differ";
    ErrRole => "peran {} tidak dikenal: petugas, manajer_kasus atau supervisor", "unknown role {}: petugas, manajer_kasus or supervisor";
    ErrFirstMustSupervise => "akun pertama harus supervisor", "the first account must be a supervisor";
    ErrDisableSelf => "supervisor tidak dapat menonaktifkan akunnya sendiri", "a supervisor cannot disable their own account";
    FirstSupervisor => "Basis data baru. Buat akun supervisor pertama (akun Anda).", "A new database. Make the first supervisor account (yours).";
    PromptDisplayName => "Nama lengkap [{}]: ", "Full name [{}]: ";
    PromptNewPin => "PIN baru (4–12 angka): ", "New PIN (4–12 digits): ";
    PromptPinAgain => "Ulangi PIN: ", "PIN again: ";
    PromptPin => "PIN {}: ", "PIN for {}: ";
    StaffAdded => "akun {} ({}) dibuat", "account {} ({}) added";
    StaffEnabled => "akun {} diaktifkan", "account {} enabled";
    StaffDisabled => "akun {} dinonaktifkan", "account {} disabled";
    StaffPinSet => "PIN {} diganti", "PIN of {} changed";
    StaffListHead => "AKUN             PERAN            NAMA                     STATUS", "ACCOUNT          ROLE             NAME                     STATE";
    StaffActive => "aktif", "active";
    StaffInactive => "nonaktif", "disabled";
    AuditHead => "WAKTU                PETUGAS      AKSI           KASUS            KETERANGAN", "TIME                 STAFF        ACTION         CASE             DETAIL";
    AuditCount => "{} baris", "{} rows";
    AccOpen => "buka", "open";
    AccReveal => "tampil NIK", "reveal NIK";
    AccEdit => "ubah", "edit";
    AccExport => "ekspor", "export";
    AccPrint => "cetak", "print";
    AccSignIn => "masuk", "sign in";
    AccSignInFailed => "gagal masuk", "failed sign-in";
    AccStaff => "akun", "account";
    MigrateCurrent => "skema sudah terbaru (versi {})", "schema already current (version {})";
    MigrateDone => "skema diperbarui dari versi {} ke {}", "schema migrated from version {} to {}";
    LockSignIn => "meja · {} · Masuk", "meja · {} · Sign in";
    LockIdle => "Layar terkunci karena tidak dipakai. Draf sudah disimpan.", "Screen locked after no use. The draft is saved.";
    LockPrivacy => "Layar disembunyikan.", "Screen hidden.";
    LockWho => "Petugas: {}", "Staff: {}";
    LockPin => "PIN:", "PIN:";
    LockPressEnter => "Tekan Enter untuk kembali.", "Press Enter to return.";
    LockQuit => "F10 / Ctrl-Q: keluar", "F10 / Ctrl-Q: quit";
    LockWrongPin => "PIN salah. Sisa {} kali sebelum akun dikunci.", "Wrong PIN. {} tries left before the account locks.";
    LockLocked => "Akun dikunci karena PIN salah berulang, sampai pukul {}. Supervisor dapat mengganti PIN.", "Account locked after repeated wrong PINs, until {}. A supervisor can reset the PIN.";
    LockNoAccount => "Akun ini tidak aktif atau tidak terdaftar.", "This account is inactive or unknown.";
    LockNoPin => "Akun ini belum punya PIN: minta supervisor menjalankan `meja staff set-pin`.", "This account has no PIN yet: ask a supervisor to run `meja staff set-pin`.";
    ErrAccessLog => "Akses tidak dapat dicatat, jadi tidak dibuka: {}", "The access could not be logged, so it was not opened: {}";
    ErrCorrectionWindowClosed => "Waktu pembetulan oleh petugas penerima sudah habis ({}). Minta manajer kasus atau supervisor untuk mengubah atau menambah catatan.",
        "The intake worker's time to correct this case ended at {}. Ask the case manager or a supervisor to change it or add a note.";
    ErrAssignPick => "Pilih akun dari daftar (ketik untuk menyaring).", "Pick an account from the list (type to filter).";
    ErrRoleForbids => "Peran Anda ({}) tidak boleh melakukan ini.", "Your role ({}) may not do this.";
    ErrStaffExists => "akun {} sudah ada", "account {} already exists";
    ErrStaffUnknown => "tidak ada akun {}", "no account {}";
    Panic => "meja berhenti karena galat internal di {}. Draf tersimpan paling lambat satu detik sebelumnya.",
        "meja stopped on an internal error at {}. The draft was saved at most a second before.";
    // Agency directory files (import and export)
    ErrDirNotFound => "direktori lembaga tidak ditemukan: {}", "agency directory not found: {}";
    ErrDirUnknownFormat => "{} bukan direktori lembaga yang dikenal: pilih folder HSDS (berisi datapackage.json) atau berkas .csv",
        "{} is not a known agency directory: choose an HSDS folder (with datapackage.json) or a .csv file";
    ErrDirNoOrganizations => "{} tidak berisi organizations.csv, jadi bukan paket HSDS", "{} has no organizations.csv, so it is not an HSDS package";
    ErrDirDatapackage => "datapackage.json di {} tidak terbaca: {}", "cannot read datapackage.json in {}: {}";
    ErrDirRead => "tidak bisa membaca {}: {}", "cannot read {}: {}";
    ErrDirWrite => "tidak bisa menulis {}: {}", "cannot write {}: {}";
    ErrSheetNoName => "{}: baris judul tidak punya kolom nama (atau name)", "{}: the header row has no nama (or name) column";
    RowAt => "{} baris {}: {}", "{} line {}: {}";
    ErrImportTooBig => "{} terlalu besar untuk diimpor ({}; batas {}): pecah berkasnya atau buang kolom yang tidak perlu", "{} is too large to import ({}; the limit is {}): split the file or drop columns it does not need";
    ErrImportTooManyRows => "{} punya lebih dari {} baris: pecah berkasnya", "{} has more than {} rows: split the file";
    RowMixedEncoding => "byte yang bukan UTF-8 dibaca sebagai Windows-1252 ({}); periksa ejaannya", "bytes that are not UTF-8 read as Windows-1252 ({}); check the spelling";
    RowFileEncoding => "seluruh berkas bukan UTF-8; dibaca sebagai {}; periksa ejaannya", "the whole file is not UTF-8; read as {}; check the spelling";
    ImportNotice => "catatan  {} baris {}: {}", "note     {} line {}: {}";
    RowIdRequired => "kolom {}: id wajib diisi", "column {}: an id is required";
    RowNameRequired => "kolom {}: nama wajib diisi", "column {}: a name is required";
    RowDuplicateId => "kolom {}: id {} sudah dipakai di baris {}", "column {}: id {} is already used on line {}";
    RowUnknownKind => "kolom {}: jenis lembaga tidak dikenal: {} (pilih: {})", "column {}: unknown agency type: {} (choose: {})";
    RowBadPhone => "kolom {}: nomor telepon tidak valid: {}", "column {}: invalid phone number: {}";
    RowVerifiedFuture => "kolom {}: tanggal verifikasi di masa depan: {}", "column {}: verification date in the future: {}";
    RowUnknownService => "kolom {}: layanan tidak dikenal: {}", "column {}: unknown service: {}";
    RowNoOrganization => "tidak merujuk organisasi yang ada dalam paket ({}); dilewati", "refers to no organization in the package ({}); skipped";
    RowServiceMapped => "kolom {}: layanan \"{}\" dipetakan ke {}; nama dan uraiannya disimpan di catatan", "column {}: service \"{}\" mapped to {}; its name and description kept in the notes";
    RowServiceUnmapped => "kolom {}: layanan \"{}\" disimpan sebagai {}; petakan di lembar lembaga (nama dan uraiannya di catatan)", "column {}: service \"{}\" kept as {}; map it on the agency sheet (name and description in the notes)";
    RowKeptInNotes => "kolom {}: meja tidak punya tempat untuk \"{}\"; disimpan di catatan lembaga", "column {}: meja has no field for \"{}\"; kept in the agency's notes";
    RowHolidayInNotes => "kolom {}: jadwal libur \"{}\" disimpan di catatan; \"buka sekarang\" tidak memperhitungkannya", "column {}: holiday schedule \"{}\" kept in the notes; \"open now\" does not take it into account";
    RowClosesBeforeOpens => "kolom {}: tutup {} sebelum buka {} (jam 12? tulis 17:00 untuk jam 5 sore)", "column {}: closes at {} before it opens at {} (a 12-hour clock? write 17:00 for 5 pm)";
    HsdsNoteUrl => "Situs: {}", "Website: {}";
    HsdsNoteLocation => "Lokasi: {}", "Location: {}";
    HsdsNoteService => "Layanan: {} ({})", "Service: {} ({})";
    HsdsNoteServiceDescribed => "Layanan: {} ({}): {}", "Service: {} ({}): {}";
    HsdsNoteExtension => "Telepon {} pesawat {}", "Phone {} extension {}";
    HsdsNoteSchedule => "Jadwal: {}", "Schedule: {}";
    HsdsNoteContact => "Narahubung lain: {}", "Other contact: {}";
    HsdsNoteContactEmail => "Surel {}: {}", "E-mail of {}: {}";
    HsdsNoteHoliday => "Libur: {}", "Holiday: {}";
    HsdsClosed => "tutup", "closed";
    RowUnknownArea => "kolom {}: wilayah tidak dikenal: {} (tulis kode Kemendagri, mis. 18.72)",
        "column {}: unknown area: {} (write a Kemendagri code, e.g. 18.72)";
    RowBadHours => "kolom {}: jam buka tidak terbaca: {} (contoh: Sen-Jum 08.00-16.00)",
        "column {}: cannot read the opening hours: {} (e.g. Mon-Fri 08.00-16.00)";
    RowBadDay => "kolom {}: hari tidak dikenal: {}", "column {}: unknown day: {}";
    RowBadTime => "kolom {}: jam tidak terbaca: {}", "column {}: cannot read the time: {}";
    RowBadDate => "kolom {}: tanggal tidak terbaca: {} (tulis seperti 23-11-2026)", "column {}: cannot read the date: {} (write it like 23-11-2026)";
    RowBadYesNo => "kolom {}: isi ya atau tidak, bukan {}", "column {}: write yes or no, not {}";
    // Reports, exports, backups, health check and case transfer (issue #6)
    TitleReport => "Laporan", "Report";
    KeyReport => "Laporan", "Report";
    HReport => "laporan bulanan dan tren", "monthly report and trend";
    HelpReport => "Di layar laporan", "On the report screen";
    HReportMonth => "bulan sebelumnya / berikutnya", "previous / next month";
    HReportScroll => "gulir angka", "scroll the figures";
    HAuditScroll => "gulir catatan akses", "scroll the access log";
    KeyPrevMonth => "Bln lalu", "Prev month";
    KeyNextMonth => "Bln depan", "Next month";
    RepTitle => "Laporan kasus {}", "Case report {}";
    RepPeriod => "Periode {} s.d. {}", "Period {} to {}";
    RepRuleVictims => "Dihitung per korban seperti SIMFONI-PPA: kasus dengan dua korban dihitung dua kali; seorang korban dihitung di setiap jenis kekerasan, layanan dibutuhkan dan hubungan pelaku yang tercatat pada kasusnya.",
        "Counted per victim as SIMFONI-PPA counts: a case with two victims counts twice; a victim counts under each type of violence, service needed and perpetrator relation recorded on the case.";
    RepRuleCases => "Tahap dan risiko dihitung per kasus, hasil rujukan per rujukan; AMPK hanya korban anak (di bawah 18 tahun).",
        "Stage and risk count cases, referral outcomes count referrals; AMPK counts child victims (under 18) only.";
    RepRuleClosures => "Kasus ditutup: ditutup dalam periode dan masih tertutup pada akhir periode; yang dibuka kembali dalam periode dihitung terbuka dan tidak masuk median hari ke penutupan.",
        "Cases closed: closed in the period and still closed at its end; a case reopened within the period counts as open and stays out of the median days to closure.";
    RepRuleGiven => "Layanan yang diberikan: korban yang menerima layanan pada tanggal dalam periode, sekali per korban untuk tiap layanan SIMFONI; layanan tambahan UPTD PPA dihitung di layanan SIMFONI-nya dan juga ditampilkan sendiri. Layanan dibutuhkan: hasil triase dan rujukan kasus periode ini.",
        "Services given: victims given a service on a date in the period, once per victim for each SIMFONI service; the UPTD PPA's extra services count under their SIMFONI service and are also shown on their own. Services needed: triage and referrals of the period's cases.";
    RepTableServiceNeeded => "Layanan yang dibutuhkan (triase dan rujukan)", "Services needed (triage and referrals)";
    RepWithin => "  {} (termasuk {})", "  {} (within {})";
    RepOpened => "Kasus dilaporkan", "Cases reported";
    ErrAssignUnknown => "Tidak ada akun {}: pilih petugas dari daftar akun.", "There is no account {}: choose a worker from the list of accounts.";
    ErrAssignDisabled => "Akun {} nonaktif: pilih petugas yang aktif.", "The account {} is disabled: choose an active worker.";
    RepVictims => "Korban", "Victims";
    RepClosed => "Kasus ditutup dalam periode", "Cases closed in the period";
    RepMedianAssess => "Median hari dari pengaduan ke asesmen", "Median days from intake to assessment";
    RepMedianClose => "Median hari dari pengaduan ke penutupan", "Median days from intake to closure";
    RepScreenMedians => "Median hari dari pengaduan: ke asesmen {} · ke penutupan {}", "Median days from intake: to assessment {} · to closure {}";
    RepOverdue => "Kasus terbuka yang terlambat per {}", "Open cases overdue on {}";
    RepNoValue => "—", "—";
    RepNotRecorded => "Tidak tercatat", "Not recorded";
    RepTableViolence => "Jenis kekerasan", "Type of violence";
    RepTableSex => "Jenis kelamin korban", "Victim's sex";
    RepTableAge => "Kelompok umur korban", "Victim's age band";
    RepTableAmpk => "Kategori AMPK", "AMPK category";
    RepTablePlace => "Tempat kejadian", "Place of the incident";
    RepTableRelation => "Hubungan pelaku dengan korban", "Perpetrator's relation to the victim";
    RepTableService => "Layanan yang diberikan", "Services given";
    RepTableDistrict => "Kecamatan (alamat korban)", "Kecamatan (victim's address)";
    RepTableStage => "Tahap kasus saat ini", "Current stage of the cases";
    RepTableRisk => "Tingkat risiko", "Risk level";
    RepTableReferral => "Hasil rujukan", "Referral outcomes";
    // SIMFONI-PPA field by field (issue 18)
    RepTableCaseKind => "Jenis kasus", "Case kind";
    RepTableAuthority => "Kewenangan", "Authority";
    RepTableEducation => "Pendidikan terakhir korban", "Victim's last education";
    RepTableOccupation => "Pekerjaan korban", "Victim's occupation";
    RepTableMarital => "Status perkawinan korban", "Victim's marital status";
    RepTableNationality => "Kewarganegaraan korban", "Victim's nationality";
    RepTablePerpetratorEducation => "Pendidikan terakhir terlapor", "Alleged perpetrator's last education";
    RepTablePerpetratorOccupation => "Pekerjaan terlapor", "Alleged perpetrator's occupation";
    RepTablePlaceSimfoni => "Tempat kejadian menurut SIMFONI (Ranah daring dihitung Lainnya)", "Place as SIMFONI counts it (online counted as Other)";
    RepSimfoniEntered => "Korban sudah diinput ke SIMFONI", "Victims entered into SIMFONI";
    RepSimfoniChanged => "Korban berubah sejak diinput (perlu diperbarui)", "Victims changed since entry (to update)";
    RepSimfoniNotYet => "Korban belum diinput ke SIMFONI", "Victims not yet entered into SIMFONI";
    SimTitle => "Lembar SIMFONI-PPA", "SIMFONI-PPA sheet";
    SimVictimOf => "Korban {} dari {}", "Victim {} of {}";
    SimSecComplaint => "Data pengaduan", "Complaint";
    SimSecVictim => "Data korban", "Victim";
    SimSecPerpetrator => "Data pelaku {}", "Perpetrator {}";
    SimSecIncident => "Data kasus", "Case";
    SimSecServices => "Layanan yang diterima korban", "Services the victim received";
    SimSecHandling => "Penanganan", "Handling";
    SimRegisterNumber => "No. registrasi", "Register number";
    SimReportDate => "Tanggal pelaporan", "Date reported";
    SimChannel => "Sumber pengaduan", "How reported";
    SimCaseKind => "Jenis kasus", "Case kind";
    SimAuthority => "Kewenangan", "Authority";
    SimName => "Nama", "Name";
    SimNik => "NIK", "NIK";
    SimSex => "Jenis kelamin", "Sex";
    SimBirthDate => "Tanggal lahir", "Birth date";
    SimAge => "Usia", "Age";
    SimAgeBand => "Kelompok usia", "Age band";
    SimKtpAddress => "Alamat sesuai KTP", "Address on the KTP";
    SimDomicile => "Alamat domisili", "Address lived at";
    SimRegion => "Desa/Kel., Kec., Kab./Kota", "Village, district, regency";
    SimEducation => "Pendidikan terakhir", "Last education";
    SimOccupation => "Pekerjaan", "Occupation";
    SimMarital => "Status perkawinan", "Marital status";
    SimNationality => "Kewarganegaraan", "Nationality";
    SimDisability => "Disabilitas", "Disability";
    SimAmpk => "Kategori AMPK", "AMPK category";
    SimOldSchooling => "Catatan lama sekolah/pekerjaan", "Old school/work note";
    SimRelation => "Hubungan dengan korban", "Relation to the victim";
    SimIncidentDate => "Tanggal kejadian", "Incident date";
    SimPlace => "Tempat kejadian", "Place";
    SimIncidentAddress => "Alamat kejadian", "Incident address";
    SimIncidentRegion => "Wilayah kejadian", "Incident region";
    SimViolence => "Bentuk kekerasan", "Form of violence";
    SimChronology => "Kronologi", "Chronology";
    SimStage => "Tahap saat ini", "Current stage";
    SimClosed => "Ditutup", "Closed";
    SimStateNot => "belum diinput", "not entered";
    SimStateEntered => "diinput {} oleh {}", "entered {} by {}";
    SimStateChanged => "berubah sejak diinput ({})", "changed since entry ({})";
    SimReference => "ref. SIMFONI {}", "SIMFONI ref. {}";
    SimMonthHead => "SIMFONI-PPA — belum diinput atau berubah, kasus dilaporkan s.d. {}", "SIMFONI-PPA — to enter or changed, cases reported up to {}";
    SimMonthCounts => "{} belum diinput · {} berubah sejak diinput", "{} not entered · {} changed since entry";
    SimMonthEmpty => "Semua korban sudah diinput ke SIMFONI.", "Every victim is entered into SIMFONI.";
    SimColCase => "Nomor kasus", "Case number";
    SimColOpened => "Dilaporkan", "Reported";
    SimColVictim => "Korban", "Victim";
    SimColState => "Status SIMFONI", "SIMFONI status";
    SimMarked => "{} korban {} ditandai diinput ke SIMFONI", "{} victim {} marked as entered into SIMFONI";
    SimSheetWritten => "Lembar SIMFONI {} korban {} ditulis ke {}", "SIMFONI sheet of {} victim {} written to {}";
    ErrMonthArg => "--month: bulan tidak terbaca: {} (tulis seperti 11-2026)", "--month: cannot read the month: {} (write it like 11-2026)";
    ErrNoCase => "kasus tidak ditemukan: {}", "no such case: {}";
    ErrNoVictim => "kasus {} tidak punya korban ke-{}", "case {} has no victim {}";
    ErrSimfoniArgs => "pilih --month BULAN untuk daftar, atau --case NOMOR untuk lembar satu korban", "give --month MONTH for the list, or --case NUMBER for one victim's sheet";
    ErrSimfoniFormat => "--format {} tidak untuk {} (daftar: text atau csv; lembar: text atau pdf)", "--format {} is not for the {} (list: text or csv; sheet: text or pdf)";
    SimWordList => "daftar", "list";
    SimWordSheet => "lembar", "sheet";
    SimLoadFailed => "SIMFONI: {}", "SIMFONI: {}";
    SimReportLine => "Korban di SIMFONI: {} diinput · {} berubah sejak diinput · {} belum", "Victims in SIMFONI: {} entered · {} changed since · {} not yet";
    SimMarkPrompt => "Diinput ke SIMFONI. Nomor referensi SIMFONI (boleh kosong):", "Entered into SIMFONI. SIMFONI's reference (may be empty):";
    HelpSimfoniSheet => "Lembar SIMFONI", "SIMFONI sheet";
    HelpSimfoniMonth => "Daftar SIMFONI akhir bulan", "SIMFONI month-end list";
    HSimScroll => "gulir lembar", "scroll the sheet";
    HSimVictim => "korban sebelumnya / berikutnya", "previous / next victim";
    HSimMark => "tandai korban sudah diinput ke SIMFONI (tanggal, petugas, nomor referensi)", "mark the victim as entered into SIMFONI (date, worker, reference)";
    HSimPrint => "cetak lembar (teks dan PDF) ke folder surat/", "print the sheet (text and PDF) into surat/";
    HSimMonthMove => "pilih korban", "choose a victim";
    HSimMonthOpen => "buka lembar SIMFONI korban itu", "open that victim's SIMFONI sheet";
    HCaseSimfoni => "lembar SIMFONI korban (supervisor)", "the victims' SIMFONI sheet (supervisors)";
    HBoardSimfoni => "daftar SIMFONI akhir bulan: belum diinput atau berubah (supervisor)", "SIMFONI month-end list: to enter or changed (supervisors)";
    HFormCopyAddress => "salin alamat KTP korban ke alamat domisili", "copy the victim's KTP address to the address lived at";
    KeySimfoni => "SIMFONI", "SIMFONI";
    KeySimMark => "Diinput", "Entered";
    KeySimPrint => "Cetak", "Print";
    KeyCopyAddress => "Domisili=KTP", "Domicile=KTP";
    RepUnitVictims => "korban", "victims";
    RepUnitChildren => "korban anak", "child victims";
    RepUnitPerpetrators => "terlapor", "alleged perpetrators";
    RepUnitCases => "kasus", "cases";
    RepUnitReferrals => "rujukan", "referrals";
    RepSummary => "ringkasan", "summary";
    RepTrend => "Kasus baru per bulan, 12 bulan terakhir", "New cases per month, last 12 months";
    RepLoadFailed => "Laporan tidak dapat dimuat: {}", "The report could not be loaded: {}";
    ErrDateArg => "{}: tanggal tidak terbaca: {} (tulis seperti 23-11-2026)", "{}: cannot read the date: {} (write it like 23-11-2026)";
    ErrPeriod => "periode terbalik: {} sesudah {}", "the period is reversed: {} is after {}";
    ErrSepNeedsCsv => "--excel-id hanya untuk --format csv", "--excel-id is only for --format csv";
    CaseExportDone => "{} baris ({} kasus) ditulis ke {}{}", "{} rows ({} cases) written to {}{}";
    CaseExportDeidentified => " — tanpa identitas", " — de-identified";
    // Tugas: the due list (`meja tugas`)
    DueHead => "Tugas {} — {}, sampai {} hari ke depan", "Due list of {} — {}, up to {} days ahead";
    DueEveryone => "semua petugas", "all staff";
    DueOverdue => "TERLAMBAT", "OVERDUE";
    DueToday => "HARI INI", "TODAY";
    DueSoon => "BERIKUTNYA", "COMING UP";
    DueNone => "Tidak ada yang jatuh tempo.", "Nothing falls due.";
    DueTotals => "{} terlambat · {} hari ini · {} berikutnya", "{} overdue · {} today · {} coming up";
    DuePlanAction => "Tindakan rencana: {}", "Plan action: {}";
    DueFollowUp => "Pemantauan berikutnya", "Next follow-up";
    DueReferral => "Balasan rujukan: {}", "Referral reply: {}";
    DuePlanApproval => "Persetujuan rencana intervensi", "Approve the case plan";
    DueClosureApproval => "Persetujuan penutupan kasus", "Approve the closure";
    DueStageTarget => "Batas waktu tahap {}", "Stage target: {}";
    DueCsvHeader => "kelompok,tanggal,nomor,inisial,risiko,tugas,petugas", "group,date,number,initials,risk,task,staff";
    DueWritten => "{} tugas ditulis ke {}", "{} items written to {}";
    ErrPdfNeedsOut => "--format pdf perlu --out BERKAS.pdf", "--format pdf needs --out FILE.pdf";
    HandoverTitle => "Serah terima tugas 24 jam — {}", "24-hour handover — {}";
    HandoverPrinted => "Dicetak {} pukul {}", "Printed {} at {}";
    HandoverMore => "… dan {} lagi: lihat meja tugas", "… and {} more: see meja tugas";
    HandoverGivenBy => "Diserahkan oleh", "Handed over by";
    HandoverTakenBy => "Diterima oleh", "Taken over by";
    // The case after intake: gates, tabs and flows (issue 17)
    ErrPlanNotApproved => "Belum bisa ke Intervensi: rencana intervensi belum disetujui supervisor", "Not yet to Intervention: the case plan is not approved by a supervisor";
    MovedNoPlan => "Tahap diperbarui — rencana intervensi belum disetujui.", "Stage updated — the case plan is not approved yet.";
    TlStageNoPlan => "Tahap: {} → {} (rencana belum disetujui)", "Stage: {} → {} (plan not approved)";
    GivePromptService => "Layanan yang diberikan", "Service given";
    GivePromptVictim => "Untuk korban nomor: {}", "To victim number: {}";
    GivePromptDate => "Tanggal layanan (hh-bb-tttt)", "Date of the service (dd-mm-yyyy)";
    GivePromptNote => "Catatan singkat (boleh kosong)", "A short note (may be empty)";
    ErrGiveVictim => "Tulis nomor korban dari daftar", "Type a victim's number from the list";
    ErrPastDate => "{}: tanggal tidak terbaca atau di masa depan", "{}: not a date, or in the future";
    FollowPromptKind => "Pemantauan dilakukan dengan", "How the follow-up was made";
    FollowPromptDate => "Tanggal pemantauan (hh-bb-tttt)", "Date of the follow-up (dd-mm-yyyy)";
    FollowPromptFindings => "Apa yang ditemukan", "What was found";
    FollowPromptNext => "Pemantauan berikutnya (kosong: tidak ada)", "Next follow-up (empty: none)";
    ErrFollowKind => "Pilih cara pemantauan", "Choose how the follow-up was made";
    ErrFollowFindings => "Tulis apa yang ditemukan", "Write what was found";
    ErrFollowNext => "Pemantauan berikutnya harus sesudah yang ini", "The next follow-up must come after this one";
    ErrRecordDateFuture => "Tanggal tidak boleh di masa depan", "The date cannot be in the future";
    TabServices => "Layanan", "Services";
    TabFollowUps => "Pemantauan", "Follow-ups";
    HCaseGive => "Catat layanan yang diberikan kepada korban", "Record a service given to a victim";
    HCaseFollowUp => "Catat pemantauan (kunjungan, telepon, …) dan tanggal berikutnya", "Record a follow-up (visit, call, …) and the next date";
    ServicesNone => "Belum ada layanan yang diberikan. l: catat layanan.", "No service given yet. l: record one.";
    FollowUpsNone => "Belum ada pemantauan. p: catat pemantauan.", "No follow-up yet. p: record one.";
    GivenBy => "oleh {}", "by {}";
    FollowNextOn => "berikutnya {}", "next {}";
    ServiceGivenSaved => "Layanan yang diberikan dicatat.", "Service given recorded.";
    FollowUpSaved => "Pemantauan dicatat.", "Follow-up recorded.";
    OfferServiceGiven => "Rujukan selesai. Catat layanan yang diberikan? (y/t)", "Referral done. Record the service given? (y/t)";
    ErrDemoLive => "{} sudah berisi data kantor (akun petugas, kasus atau draf): demo hanya mengisi berkas baru", "{} already holds an office's data (staff accounts, cases or drafts): demo only fills a new file";
    ErrOutIsDb => "{} adalah basis data meja (atau berkas pendampingnya): tidak akan ditimpa", "{} is meja's database (or a file beside it): it is never overwritten";
    ErrOutExists => "{} sudah ada: tidak ditimpa (tambahkan --force untuk menggantinya)", "{} already exists: not overwritten (add --force to replace it)";
    ErrOutIsDir => "{} adalah folder: sebutkan nama berkas", "{} is a folder: name a file";
    ErrBackupIsDb => "cadangan tidak boleh menimpa basis data itu sendiri: {}", "a backup cannot overwrite the database itself: {}";
    ErrNoPassphrase => "frasa sandi tidak ada: isi MEJA_BACKUP_PASSPHRASE atau --passphrase-file PATH", "no passphrase: set MEJA_BACKUP_PASSPHRASE or --passphrase-file PATH";
    ErrPassphraseFile => "tidak bisa membaca frasa sandi dari {}: {}", "cannot read the passphrase from {}: {}";
    ErrEncrypt => "cadangan tidak dapat dienkripsi: {}", "the backup could not be encrypted: {}";
    ErrDecrypt => "cadangan {} tidak bisa dibuka: frasa sandi salah atau berkas rusak ({})", "backup {} cannot be opened: wrong passphrase or a damaged file ({})";
    ErrBackupRead => "tidak bisa membaca cadangan {}: {}", "cannot read backup {}: {}";
    ErrBackupBroken => "cadangan {} rusak, tidak dipulihkan: {}", "backup {} is damaged, nothing restored: {}";
    ErrBackupNotMeja => "{} bukan cadangan basis data meja", "{} is not a backup of a meja database";
    ErrDbInUse => "basis data {} sedang dipakai: tutup semua meja yang membukanya, lalu ulangi", "database {} is in use: close every meja that has it open, then try again";
    BackupDone => "Cadangan ditulis ke {} ({} kasus, integritas ok{})", "Backup written to {} ({} cases, integrity ok{})";
    BackupEncrypted => ", terenkripsi", ", encrypted";
    RestoreDone => "Dipulihkan dari {} ke {} ({} kasus).", "Restored from {} to {} ({} cases).";
    RestoreKeptOld => "Isi lama basis data disimpan di {}", "The database's old content is kept in {}";
    CheckIntegrity => "Integritas: {}", "Integrity: {}";
    CheckSchema => "Versi skema: {} (meja ini: {})", "Schema version: {} (this meja: {})";
    CheckSchemaOld => "Versi skema: {} (meja ini: {}; diperbarui saat dibuka)", "Schema version: {} (this meja: {}; upgraded when opened)";
    CheckSchemaNew => "Versi skema: {} lebih baru dari meja ini ({}): perbarui meja", "Schema version: {} is newer than this meja ({}): update meja";
    CheckSqlite => "SQLite: {}", "SQLite: {}";
    CheckSqliteOld => "SQLite: {} terlalu lama (perlu ≥ 3.51.3)", "SQLite: {} is too old (need ≥ 3.51.3)";
    CheckMode => "Izin {}: {}", "Permissions of {}: {}";
    CheckModeOpen => "Izin {}: {} — dapat dibaca/ditulis pengguna lain; jalankan chmod 600", "Permissions of {}: {} — readable/writable by other users; run chmod 600";
    CheckChain => "rantai hash {}: {} baris utuh, ujung {}", "hash chain {}: {} rows intact, head {}";
    CheckChainMissing => "rantai hash {}: belum ada (jalankan meja migrate)", "hash chain {}: not yet there (run meja migrate)";
    CheckChainBroken => "rantai hash {} putus di baris id {}: baris itu diubah, dihapus atau disisipkan di luar meja", "hash chain {} broken at row id {}: that row was changed, removed or inserted outside meja";
    CheckCounts => "Kasus: {} · lembaga: {} · draf terbuka: {}", "Cases: {} · agencies: {} · open drafts: {}";
    CheckHealthy => "Sehat.", "Healthy.";
    CheckUnhealthy => "TIDAK SEHAT: {} masalah.", "NOT HEALTHY: {} problem(s).";
    ErrCheckMissing => "basis data {} tidak ada", "database {} does not exist";
    ErrCaseNotFound => "kasus {} tidak ditemukan", "case {} not found";
    TransferExported => "Kasus {} ditulis ke {}. Setelah kantor tujuan menerimanya, tutup kasus ini dengan alasan \"Dirujuk/dialihkan ke wilayah lain\".",
        "Case {} written to {}. Once the receiving office has it, close this case with the reason \"Transferred to another region\".";
    TransferEncrypted => "Berkas dienkripsi (age). Sampaikan frasa sandinya ke kantor tujuan lewat jalur lain (telepon), jangan bersama berkasnya.",
        "The file is encrypted (age). Give the receiving office its passphrase another way (by telephone), never with the file.";
    TransferPlainWarning => "PERINGATAN: {} ditulis TANPA enkripsi dan memuat seluruh data korban. Jangan kirim lewat surel atau aplikasi pesan; hapus setelah diterima.",
        "WARNING: {} is written WITHOUT encryption and holds the victim's whole record. Do not send it by e-mail or a messaging app; delete it once received.";
    ErrTransferNoPassphrase => "berkas pindah kasus dienkripsi: beri frasa sandi lewat MEJA_TRANSFER_PASSPHRASE atau --passphrase-file PATH (--plain menulis tanpa enkripsi, tidak disarankan)",
        "the case transfer file is encrypted: give a passphrase with MEJA_TRANSFER_PASSPHRASE or --passphrase-file PATH (--plain writes it unencrypted, not advised)";
    ErrTransferLocked => "{} terenkripsi: beri frasa sandinya lewat MEJA_TRANSFER_PASSPHRASE atau --passphrase-file PATH", "{} is encrypted: give its passphrase with MEJA_TRANSFER_PASSPHRASE or --passphrase-file PATH";
    ErrTransferDecrypt => "berkas pindah {} tidak bisa dibuka: frasa sandi salah atau berkas rusak ({})", "transfer file {} cannot be opened: wrong passphrase or a damaged file ({})";
    ErrTransferEncrypt => "berkas pindah tidak dapat dienkripsi: {}", "the transfer file could not be encrypted: {}";
    ErrTransferPlainAndPass => "--plain dan frasa sandi tidak bisa dipakai bersama", "--plain and a passphrase cannot be used together";
    TransferImported => "Kasus {} dari {} diterima sebagai {}.", "Case {} from {} received as {}.";
    ErrTransferRead => "tidak bisa membaca berkas pindah kasus {}: {}", "cannot read the case transfer file {}: {}";
    ErrTransferFormat => "{} bukan berkas pindah kasus meja", "{} is not a meja case transfer file";
    ErrTransferJson => "{} bukan berkas pindah kasus meja: tidak terbaca di baris {}, kolom {} ({})", "{} is not a meja case transfer file: unreadable at line {}, column {} ({})";
    ErrTransferBad => "berkas pindah {} ditolak seluruhnya: {} = \"{}\" {}; tidak ada yang ditulis", "transfer file {} refused whole: {} = \"{}\" {}; nothing was written";
    TransferNotACode => "bukan kode yang dikenal meja", "is not a code meja knows";
    TransferOtherPerson => "Orang dalam berkas pindah dengan peran \"{}\" yang tidak dikenal meja: {}", "Person in the transfer file with a role meja does not know (\"{}\"): {}";
    TransferOtherPeople => "{} orang dengan peran yang tidak dikenal ({}) disimpan sebagai catatan kasus.", "{} people with a role meja does not know ({}) kept as case notes.";
    ErrTransferVersion => "{} dibuat oleh meja yang lebih baru (format {}); perbarui meja", "{} was made by a newer meja (format {}); update meja";
    ErrTransferDuplicate => "kasus {} dari {} sudah diterima sebelumnya sebagai {}", "case {} from {} was already received as {}";
    TlTransferOut => "Dipindahkan ke kantor lain (berkas {})", "Transferred to another office (file {})";
    TlTransferIn => "Diterima dari {} (nomor asal {})", "Received from {} (origin number {})";
    TlOrigin => "[kantor asal] {}", "[origin office] {}";
    TransferReferralNote => "Rujukan di kantor asal: {} — {} — {}", "Referral at the origin office: {} — {} — {}";
    TransferPlanNote => "Rencana intervensi di kantor asal {} ({}; {} tindakan):", "Case plan at the origin office {} ({}; {} actions):";
    TransferServiceNote => "Layanan diberikan di kantor asal {}: {} — {} — untuk {} — oleh {}", "Service given at the origin office {}: {} — {} — to {} — by {}";
    TransferFollowUpNote => "Pemantauan di kantor asal {}: {} — {}", "Follow-up at the origin office {}: {} — {}";
    TransferClosureNote => "Evaluasi penutupan di kantor asal {} ({}); kepuasan klien: {}", "Closing evaluation at the origin office {} ({}); client satisfaction: {}";
    SatisfactionDeclined => "tidak bersedia menjawab", "declined to answer";
    OutcomeAchieved => "tercapai", "achieved";
    OutcomeNotAchieved => "tidak tercapai", "not achieved";
}

/// Stage names short enough for a board column at 80×24.
pub fn stage_short(stage: crate::domain::case::Stage, lang: Lang) -> &'static str {
    use crate::domain::case::Stage::*;
    match (stage, lang) {
        (Pengaduan, Lang::Id) => "Pengaduan",
        (Asesmen, Lang::Id) => "Asesmen",
        (Rencana, Lang::Id) => "Rencana",
        (Intervensi, Lang::Id) => "Intervensi",
        (Pemantauan, Lang::Id) => "Pemantauan",
        (Terminasi, Lang::Id) => "Ditutup",
        (Pengaduan, Lang::En) => "Intake",
        (Asesmen, Lang::En) => "Assessment",
        (Rencana, Lang::En) => "Case plan",
        (Intervensi, Lang::En) => "Services",
        (Pemantauan, Lang::En) => "Monitoring",
        (Terminasi, Lang::En) => "Closed",
    }
}

/// An AMPK category as the form shows a picked one: its letter and a short label
/// (`j. kejahatan seksual`), from the board filter's short names; the pick-list shows the
/// whole label.
pub fn ampk_short(code: &str, lang: Lang) -> String {
    let key = format!("ampk:{code}");
    match BOARD_FILTERS.terms.iter().find(|t| t.code == key) {
        Some(t) => t.label(lang).trim_start_matches("AMPK ").to_string(),
        None => code.to_string(),
    }
}

/// The board's filters, as a pick-list vocabulary (codes are read by `ui::screens::board::Filter`).
pub const BOARD_FILTERS: crate::domain::vocab::Vocab = crate::domain::vocab::Vocab {
    name: "saring_papan",
    terms: &[
        crate::domain::vocab::Term {
            code: "mine",
            id: "Kasus saya",
            en: "My cases",
        },
        crate::domain::vocab::Term {
            code: "emergency",
            id: "Darurat",
            en: "Emergency",
        },
        crate::domain::vocab::Term {
            code: "overdue",
            id: "Lewat target",
            en: "Overdue",
        },
        crate::domain::vocab::Term {
            code: "risk:tinggi",
            id: "Risiko tinggi",
            en: "High risk",
        },
        crate::domain::vocab::Term {
            code: "risk:sedang",
            id: "Risiko sedang",
            en: "Medium risk",
        },
        crate::domain::vocab::Term {
            code: "risk:rendah",
            id: "Risiko rendah",
            en: "Low risk",
        },
        crate::domain::vocab::Term {
            code: "kk:fisik",
            id: "Kekerasan fisik",
            en: "Physical violence",
        },
        crate::domain::vocab::Term {
            code: "kk:psikis",
            id: "Kekerasan psikis",
            en: "Psychological violence",
        },
        crate::domain::vocab::Term {
            code: "kk:seksual",
            id: "Kekerasan seksual",
            en: "Sexual violence",
        },
        crate::domain::vocab::Term {
            code: "kk:eksploitasi",
            id: "Eksploitasi",
            en: "Exploitation",
        },
        crate::domain::vocab::Term {
            code: "kk:trafficking",
            id: "Trafficking (TPPO)",
            en: "Trafficking",
        },
        crate::domain::vocab::Term {
            code: "kk:penelantaran",
            id: "Penelantaran",
            en: "Neglect",
        },
        crate::domain::vocab::Term {
            code: "region",
            id: "Wilayah korban…",
            en: "Victim's region…",
        },
        crate::domain::vocab::Term {
            code: "dates",
            id: "Dibuka antara tanggal…",
            en: "Opened between dates…",
        },
        crate::domain::vocab::Term {
            code: "ampk:a",
            id: "AMPK a. situasi darurat",
            en: "AMPK a. emergency",
        },
        crate::domain::vocab::Term {
            code: "ampk:b",
            id: "AMPK b. berhadapan dengan hukum",
            en: "AMPK b. in contact with the law",
        },
        crate::domain::vocab::Term {
            code: "ampk:c",
            id: "AMPK c. minoritas/terisolasi",
            en: "AMPK c. minority/isolated",
        },
        crate::domain::vocab::Term {
            code: "ampk:d",
            id: "AMPK d. eksploitasi ekonomi/seksual",
            en: "AMPK d. economic/sexual exploitation",
        },
        crate::domain::vocab::Term {
            code: "ampk:e",
            id: "AMPK e. napza",
            en: "AMPK e. substances",
        },
        crate::domain::vocab::Term {
            code: "ampk:f",
            id: "AMPK f. pornografi",
            en: "AMPK f. pornography",
        },
        crate::domain::vocab::Term {
            code: "ampk:g",
            id: "AMPK g. HIV/AIDS",
            en: "AMPK g. HIV/AIDS",
        },
        crate::domain::vocab::Term {
            code: "ampk:h",
            id: "AMPK h. penculikan/perdagangan",
            en: "AMPK h. abduction/trafficking",
        },
        crate::domain::vocab::Term {
            code: "ampk:i",
            id: "AMPK i. kekerasan fisik/psikis",
            en: "AMPK i. physical/psychological violence",
        },
        crate::domain::vocab::Term {
            code: "ampk:j",
            id: "AMPK j. kejahatan seksual",
            en: "AMPK j. sexual crime",
        },
        crate::domain::vocab::Term {
            code: "ampk:k",
            id: "AMPK k. jaringan terorisme",
            en: "AMPK k. terrorist networks",
        },
        crate::domain::vocab::Term {
            code: "ampk:l",
            id: "AMPK l. disabilitas",
            en: "AMPK l. disability",
        },
        crate::domain::vocab::Term {
            code: "ampk:m",
            id: "AMPK m. perlakuan salah/penelantaran",
            en: "AMPK m. maltreatment/neglect",
        },
        crate::domain::vocab::Term {
            code: "ampk:n",
            id: "AMPK n. perilaku sosial menyimpang",
            en: "AMPK n. deviant behaviour",
        },
        crate::domain::vocab::Term {
            code: "ampk:o",
            id: "AMPK o. stigmatisasi",
            en: "AMPK o. stigmatisation",
        },
    ],
};

pub fn issue(i: Issue, lang: Lang) -> &'static str {
    let (id, en) = match i {
        Issue::Required => ("wajib diisi", "required"),
        Issue::AgeRequired => (
            "isi tanggal lahir atau perkiraan umur",
            "enter a birth date or an estimated age",
        ),
        Issue::DateFormat => (
            "tulis tanggal seperti 23-11-2026",
            "write the date like 23-11-2026",
        ),
        Issue::DateYear => ("tulis tahun dengan 4 angka", "write the year with 4 digits"),
        Issue::DateImpossible => ("tanggal ini tidak ada", "no such date"),
        Issue::DateFuture => ("tanggal di masa depan", "date is in the future"),
        Issue::TimeFormat => ("tulis jam seperti 14:30", "write the time like 14:30"),
        Issue::AgeInvalid => ("umur 0–120 tahun", "age must be 0–120 years"),
        Issue::NikDigits => ("NIK hanya angka", "NIK has digits only"),
        Issue::NikLength => ("NIK harus 16 angka", "NIK must be 16 digits"),
        Issue::NikMonth => (
            "bulan lahir di NIK (angka 9–10) tidak ada",
            "birth month in the NIK (digits 9–10) is impossible",
        ),
        Issue::NikDay => (
            "tanggal lahir di NIK (angka 7–8) tidak ada",
            "birth day in the NIK (digits 7–8) is impossible",
        ),
        Issue::NikSerial => (
            "nomor urut NIK tidak boleh 0000",
            "NIK serial cannot be 0000",
        ),
        Issue::PhoneInvalid => (
            "nomor telepon tidak valid (contoh 0812…)",
            "invalid phone number (e.g. 0812…)",
        ),
        Issue::AmpkRequiredForChild => (
            "korban anak: pilih kategori AMPK",
            "child victim: choose an AMPK category",
        ),
        Issue::NikUnknownProvince => (
            "kode provinsi NIK tidak dikenal — periksa lagi",
            "unknown province code in the NIK — check again",
        ),
        Issue::NikSexMismatch => (
            "NIK tidak cocok dengan jenis kelamin",
            "NIK does not match the sex",
        ),
        Issue::NikUnknownRegion => (
            "kecamatan di NIK tidak ada di daftar wilayah — mungkin kode lama",
            "the NIK's kecamatan is not in the region list — perhaps an old code",
        ),
        Issue::NikRegionMismatch => (
            "alamat di kecamatan lain dari NIK (boleh, periksa saja)",
            "address is in another kecamatan than the NIK's (allowed, just check)",
        ),
        Issue::NikBirthMismatch => (
            "NIK tidak cocok dengan tanggal lahir",
            "NIK does not match the birth date",
        ),
        Issue::AgeBirthMismatch => (
            "umur tidak cocok dengan tanggal lahir",
            "age does not match the birth date",
        ),
        Issue::SafeContactUnanswered => (
            "aman dihubungi di nomor ini? tanyakan dulu",
            "is it safe to call this number? ask first",
        ),
        Issue::ChildConsentBySelf => (
            "korban anak: persetujuan dari orang tua/wali (UU 27/2022 Ps. 25)",
            "child victim: consent comes from a parent/guardian (UU 27/2022 art. 25)",
        ),
        Issue::ConsentGiverIsPerpetrator => (
            "pemberi persetujuan tercatat sebagai terlapor",
            "the consent giver is recorded as a perpetrator",
        ),
        Issue::CountryMissing => (
            "WNA: negara asal belum diisi (diminta SIMFONI)",
            "foreign national: country not yet recorded (SIMFONI asks)",
        ),
    };
    match lang {
        Lang::Id => id,
        Lang::En => en,
    }
}

pub fn field_label(f: Field, lang: Lang) -> &'static str {
    let (id, en) = match f {
        Field::Reporter(r) => match r {
            ReporterField::Channel => ("Cara melapor", "How reported"),
            ReporterField::Kind => ("Identitas pelapor", "Reporter identity"),
            ReporterField::Name => ("Nama pelapor", "Reporter name"),
            ReporterField::Relation => ("Hubungan dg korban", "Relation to victim"),
            ReporterField::Phone => ("Telepon", "Phone"),
            ReporterField::Address => ("Alamat", "Address"),
            ReporterField::Region => ("Wilayah", "Region"),
        },
        Field::Victim(_, v) => match v {
            VictimField::Name => ("Nama / inisial", "Name / initials"),
            VictimField::Nik => ("NIK", "NIK"),
            VictimField::Sex => ("Jenis kelamin", "Sex"),
            VictimField::BirthDate => ("Tanggal lahir", "Birth date"),
            VictimField::Age => ("Umur (perkiraan)", "Age (estimate)"),
            VictimField::Address => ("Alamat KTP (jalan)", "KTP address"),
            VictimField::Domicile => ("Alamat domisili", "Address lived at"),
            VictimField::Region => ("Wilayah", "Region"),
            VictimField::Phone => ("Telepon korban", "Victim's phone"),
            VictimField::SafeContact => ("Aman dihubungi?", "Safe to contact?"),
            VictimField::Disability => ("Disabilitas", "Disability"),
            VictimField::Education => ("Pendidikan terakhir", "Last education"),
            VictimField::Occupation => ("Pekerjaan", "Occupation"),
            VictimField::Schooling => ("Ket. sekolah/kerja", "School/work note"),
            VictimField::Marital => ("Status perkawinan", "Marital status"),
            VictimField::Nationality => ("Kewarganegaraan", "Nationality"),
            VictimField::Country => ("Negara (WNA)", "Country (foreign)"),
            VictimField::Guardian => ("Orang tua / wali", "Parent / guardian"),
            VictimField::Ampk => ("Kategori AMPK", "AMPK category"),
        },
        Field::Perpetrator(_, p) => match p {
            PerpetratorField::Name => ("Nama", "Name"),
            PerpetratorField::Sex => ("Jenis kelamin", "Sex"),
            PerpetratorField::Age => ("Umur (perkiraan)", "Age (estimate)"),
            PerpetratorField::Relation => ("Hubungan dg korban", "Relation to victim"),
            PerpetratorField::Education => ("Pendidikan", "Education"),
            PerpetratorField::Occupation => ("Pekerjaan", "Occupation"),
            PerpetratorField::Nationality => ("Kewarganegaraan", "Nationality"),
            PerpetratorField::Country => ("Negara (WNA)", "Country (foreign)"),
        },
        Field::Incident(i) => match i {
            IncidentField::Date => ("Tanggal kejadian", "Incident date"),
            IncidentField::Ongoing => ("Masih berlangsung", "Still going on"),
            IncidentField::Time => ("Jam", "Time"),
            IncidentField::Place => ("Tempat kejadian", "Place"),
            IncidentField::Address => ("Alamat kejadian", "Incident address"),
            IncidentField::Region => ("Wilayah kejadian", "Incident region"),
            IncidentField::Violence => ("Jenis kekerasan", "Type of violence"),
            IncidentField::Chronology => ("Kronologi", "Chronology"),
        },
        Field::Triage(t) => match t {
            TriageField::Risk => ("Tingkat risiko", "Risk level"),
            TriageField::Emergency => ("Darurat", "Emergency"),
            TriageField::Services => ("Layanan dibutuhkan", "Services needed"),
            TriageField::CaseKind => ("Jenis kasus", "Case kind"),
            TriageField::Authority => ("Kewenangan", "Authority"),
        },
        Field::Consent(c) => match c {
            ConsentField::Services => ("Setuju dilayani", "Consents to services"),
            ConsentField::Share => ("Setuju data dibagi", "Consents to sharing"),
            ConsentField::GivenBy => ("Diberikan oleh", "Given by"),
            ConsentField::Relation => ("Hubungan pemberi", "Giver's relation"),
            ConsentField::Withhold => ("Dirahasiakan dari surat", "Left out of letters"),
            ConsentField::Withheld => ("Alasan / catatan", "Why / notes"),
        },
    };
    match lang {
        Lang::Id => id,
        Lang::En => en,
    }
}

/// The wording of a referral letter (`domain::letter` decides which words it uses).
pub fn letter_word(w: crate::domain::letter::Word, lang: Lang) -> &'static str {
    use crate::domain::letter::Word as W;
    match w {
        W::LetterAddress => Msg::LetterAddress,
        W::LetterAge => Msg::LetterAge,
        W::LetterAttachment => Msg::LetterAttachment,
        W::LetterBirth => Msg::LetterBirth,
        W::LetterBirthAge => Msg::LetterBirthAge,
        W::LetterCaseNumber => Msg::LetterCaseNumber,
        W::LetterChronology => Msg::LetterChronology,
        W::LetterClientN => Msg::LetterClientN,
        W::LetterConfidential => Msg::LetterConfidential,
        W::LetterContact => Msg::LetterContact,
        W::LetterGreeting => Msg::LetterGreeting,
        W::LetterGuardian => Msg::LetterGuardian,
        W::LetterName => Msg::LetterName,
        W::LetterNature => Msg::LetterNature,
        W::LetterNumber => Msg::LetterNumber,
        W::LetterOpening => Msg::LetterOpening,
        W::LetterPerpetrator => Msg::LetterPerpetrator,
        W::LetterPhone => Msg::LetterPhone,
        W::LetterVictimPhone => Msg::LetterVictimPhone,
        W::LetterSafeYes => Msg::LetterSafeYes,
        W::LetterSafeNo => Msg::LetterSafeNo,
        W::LetterSafeUnasked => Msg::LetterSafeUnasked,
        W::LetterPrivacy => Msg::LetterPrivacy,
        W::LetterReason => Msg::LetterReason,
        W::LetterRegards => Msg::LetterRegards,
        W::LetterReply => Msg::LetterReply,
        W::LetterReplyBy => Msg::LetterReplyBy,
        W::LetterSex => Msg::LetterSex,
        W::LetterSubject => Msg::LetterSubject,
        W::LetterSubjectText => Msg::LetterSubjectText,
        W::LetterTo => Msg::LetterTo,
        W::LetterViolence => Msg::LetterViolence,
        W::LetterWithheldNote => Msg::LetterWithheldNote,
        W::LetterYears => Msg::LetterYears,
        W::LetterAgeBand => Msg::LetterAgeBand,
        W::LetterMinimumNote => Msg::LetterMinimumNote,
        W::LetterNip => Msg::LetterNip,
    }
    .get(lang)
}

/// The wording of papers (`domain::paper::Word`), as [`letter_word`] is for letters.
pub fn paper_word(w: crate::domain::paper::Word, lang: Lang) -> &'static str {
    use crate::domain::paper::Word as W;
    match w {
        W::TitlePengaduan => Msg::PaperTitlePengaduan,
        W::TitlePersetujuan => Msg::PaperTitlePersetujuan,
        W::TitleHakKorban => Msg::PaperTitleHakKorban,
        W::TitleBaMediasi => Msg::PaperTitleBaMediasi,
        W::TitleLaporanAkhir => Msg::PaperTitleLaporanAkhir,
        W::CopyOffice => Msg::PaperCopyOffice,
        W::CopyOthers => Msg::PaperCopyOthers,
        W::Number => Msg::PaperNumber,
        W::CaseNumber => Msg::PaperCaseNumber,
        W::Received => Msg::PaperReceived,
        W::Channel => Msg::PaperChannel,
        W::SectionReporter => Msg::PaperSectionReporter,
        W::SectionVictim => Msg::PaperSectionVictim,
        W::SectionVictimN => Msg::PaperSectionVictimN,
        W::SectionPerpetrator => Msg::PaperSectionPerpetrator,
        W::SectionIncident => Msg::PaperSectionIncident,
        W::SectionNeeds => Msg::PaperSectionNeeds,
        W::SectionConsent => Msg::PaperSectionConsent,
        W::Name => Msg::PaperName,
        W::Nik => Msg::PaperNik,
        W::Sex => Msg::PaperSex,
        W::Birth => Msg::PaperBirth,
        W::Age => Msg::PaperAge,
        W::Years => Msg::PaperYears,
        W::Address => Msg::PaperAddress,
        W::Domicile => Msg::PaperDomicile,
        W::Phone => Msg::PaperPhone,
        W::SafeYes => Msg::PaperSafeYes,
        W::SafeNo => Msg::PaperSafeNo,
        W::SafeUnasked => Msg::PaperSafeUnasked,
        W::Disability => Msg::PaperDisability,
        W::Guardian => Msg::PaperGuardian,
        W::Relation => Msg::PaperRelation,
        W::IncidentDate => Msg::PaperIncidentDate,
        W::Ongoing => Msg::PaperOngoing,
        W::Place => Msg::PaperPlace,
        W::Violence => Msg::PaperViolence,
        W::Chronology => Msg::PaperChronology,
        W::Risk => Msg::PaperRisk,
        W::Services => Msg::PaperServices,
        W::ConsentServices => Msg::PaperConsentServices,
        W::ConsentShare => Msg::PaperConsentShare,
        W::ConsentWithhold => Msg::PaperConsentWithhold,
        W::ConsentNote => Msg::PaperConsentNote,
        W::NothingWithheld => Msg::PaperNothingWithheld,
        W::NotRecorded => Msg::PaperNotRecorded,
        W::SignReporter => Msg::PaperSignReporter,
        W::SignWorker => Msg::PaperSignWorker,
        W::SignClient => Msg::PaperSignClient,
        W::SignHead => Msg::PaperSignHead,
        W::SignKnown => Msg::PaperSignKnown,
        W::ConsentIntro => Msg::PaperConsentIntro,
        W::ConsentAs => Msg::PaperConsentAs,
        W::ConsentExplained => Msg::PaperConsentExplained,
        W::ConsentWith => Msg::PaperConsentWith,
        W::ConsentNoAgency => Msg::PaperConsentNoAgency,
        W::ConsentRevoke => Msg::PaperConsentRevoke,
        W::RightsIntro => Msg::PaperRightsIntro,
        W::RightsHandling => Msg::PaperRightsHandling,
        W::RightsProtection => Msg::PaperRightsProtection,
        W::RightsRecovery => Msg::PaperRightsRecovery,
        W::RightsList => Msg::PaperRightsList,
        W::OfficeWillTitle => Msg::PaperOfficeWillTitle,
        W::OfficeWill => Msg::PaperOfficeWill,
        W::RightsContact => Msg::PaperRightsContact,
        W::RightsReceived => Msg::PaperRightsReceived,
        W::MediationOpening => Msg::PaperMediationOpening,
        W::MediationParties => Msg::PaperMediationParties,
        W::MediationVictim => Msg::PaperMediationVictim,
        W::MediationOther => Msg::PaperMediationOther,
        W::MediationAssessment => Msg::PaperMediationAssessment,
        W::MediationMatter => Msg::PaperMediationMatter,
        W::MediationFree => Msg::PaperMediationFree,
        W::MediationAssessor => Msg::PaperMediationAssessor,
        W::MediationSessions => Msg::PaperMediationSessions,
        W::MediationAttended => Msg::PaperMediationAttended,
        W::MediationResult => Msg::PaperMediationResult,
        W::MediationAgreement => Msg::PaperMediationAgreement,
        W::MediationFollowUp => Msg::PaperMediationFollowUp,
        W::MediationReviews => Msg::PaperMediationReviews,
        W::MediationKept => Msg::PaperMediationKept,
        W::MediationNotKept => Msg::PaperMediationNotKept,
        W::MediationClosing => Msg::PaperMediationClosing,
        W::SignFirst => Msg::PaperSignFirst,
        W::SignSecond => Msg::PaperSignSecond,
        W::SignMediator => Msg::PaperSignMediator,
        W::ReportCase => Msg::PaperReportCase,
        W::ReportOpened => Msg::PaperReportOpened,
        W::ReportClosed => Msg::PaperReportClosed,
        W::ReportReason => Msg::PaperReportReason,
        W::ReportStages => Msg::PaperReportStages,
        W::ReportServices => Msg::PaperReportServices,
        W::ReportReferrals => Msg::PaperReportReferrals,
        W::ReportLegal => Msg::PaperReportLegal,
        W::ReportMediation => Msg::PaperReportMediation,
        W::ReportNone => Msg::PaperReportNone,
        W::ReportClosing => Msg::PaperReportClosing,
        W::Yes => Msg::PaperYes,
        W::No => Msg::PaperNo,
    }
    .get(lang)
}

/// A paper's name, as a menu and `meja print` list it.
pub fn paper_kind_label(k: crate::domain::paper::Kind, lang: Lang) -> &'static str {
    crate::domain::paper::PAPERS.label(k.code(), lang)
}

pub fn access_label(k: crate::domain::access::AccessKind, lang: Lang) -> &'static str {
    let m = match k {
        crate::domain::access::AccessKind::Open => Msg::AccOpen,
        crate::domain::access::AccessKind::Reveal => Msg::AccReveal,
        crate::domain::access::AccessKind::Edit => Msg::AccEdit,
        crate::domain::access::AccessKind::Export => Msg::AccExport,
        crate::domain::access::AccessKind::Print => Msg::AccPrint,
        crate::domain::access::AccessKind::SignIn => Msg::AccSignIn,
        crate::domain::access::AccessKind::SignInFailed => Msg::AccSignInFailed,
        crate::domain::access::AccessKind::Staff => Msg::AccStaff,
    };
    m.get(lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_puts_arguments_in_order_and_keeps_extra_braces() {
        assert_eq!(
            fill("Nomor kasus: {}", &[&"PPA/2026/0001"]),
            "Nomor kasus: PPA/2026/0001"
        );
        assert_eq!(fill("{} dan {}", &[&1, &2]), "1 dan 2");
        assert_eq!(fill("{:.1} detik", &[&2.345]), "2.3 detik");
        assert_eq!(fill("{} {}", &[&"a"]), "a {}");
    }

    #[test]
    fn languages_parse_from_common_spellings() {
        assert_eq!(Lang::parse("EN"), Some(Lang::En));
        assert_eq!(Lang::parse("id"), Some(Lang::Id));
        assert_eq!(Lang::parse("fr"), None);
    }
}
