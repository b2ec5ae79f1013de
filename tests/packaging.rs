//! The Debian package's files (packaging/, installed by scripts/release.sh with cargo-deb)
//! agree with each other and with meja: the files are shell and systemd text that no compiler
//! checks, so a path changed in one place and not in another would break an install only on
//! the server. The real install is proven by scripts/install-test.sh (not run in CI).

use std::path::Path;

fn read(rel: &str) -> String {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join(rel);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

#[test]
fn the_packaged_configuration_is_the_commented_default_and_reads_as_the_defaults() {
    let packaged = read("packaging/meja.toml");
    assert!(
        packaged.ends_with(meja::config::TEMPLATE),
        "packaging/meja.toml must end with config::TEMPLATE (regenerate it)"
    );
    assert_eq!(
        meja::config::Config::parse(&packaged).unwrap(),
        meja::config::Config::parse(meja::config::TEMPLATE).unwrap()
    );
}

#[test]
fn wrapper_sudo_rule_units_and_scripts_name_the_same_paths() {
    let desk = read("packaging/meja-desk");
    let rule = read("packaging/sudoers");
    assert!(desk.contains("exec sudo -u meja /usr/bin/meja --db /var/lib/meja/meja.db"));
    assert!(desk.contains("--config /etc/meja/meja.toml"));
    assert!(rule.contains("%ppa ALL=(meja) NOPASSWD: /usr/bin/meja\n"));
    let service = read("packaging/debian/meja.meja-backup.service");
    assert!(service.contains("User=meja") && service.contains("UMask=0077"));
    assert!(service.contains("ExecStart=/usr/lib/meja/meja-nightly-backup"));
    assert!(service.contains("ReadWritePaths=/var/lib/meja /var/backups/meja"));
    let nightly = read("packaging/meja-nightly-backup");
    assert!(nightly.contains("backup --unattended"));
    assert!(nightly.contains("/var/lib/meja/meja.db") && nightly.contains("/var/backups/meja"));
    let conf = read("packaging/backup.conf");
    for key in [
        "MEJA_KEEP_DAILY=14",
        "MEJA_KEEP_WEEKLY=8",
        "MEJA_BACKUP_DIR=/var/backups/meja",
    ] {
        assert!(conf.contains(key), "{key}");
    }
    let postinst = read("packaging/debian/postinst");
    assert!(postinst.contains("migrate --backup") && postinst.contains("#DEBHELPER#"));
    assert!(postinst.contains("visudo -cf /etc/sudoers.d/meja"));
    let manifest = read("Cargo.toml");
    for (from, to) in [
        ("packaging/meja-desk", "usr/bin/meja-desk"),
        ("packaging/sudoers", "etc/sudoers.d/meja"),
        (
            "packaging/meja-nightly-backup",
            "usr/lib/meja/meja-nightly-backup",
        ),
        ("packaging/meja-accounts", "usr/lib/meja/meja-accounts"),
    ] {
        assert!(
            manifest.contains(&format!("[\"{from}\", \"{to}\"")),
            "{from} → {to}"
        );
    }
}
