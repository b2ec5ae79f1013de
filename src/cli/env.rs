//! The options every command shares, resolved: database and configuration paths, language,
//! and the worker at the keyboard.

use std::path::{Path, PathBuf};

use directories::ProjectDirs;

use crate::config::Config;
use crate::domain::case::Permission;
use crate::domain::staff::Actor;
use crate::error::{Error, Result};
use crate::i18n::{Lang, Msg};
use crate::store::Store;

/// Where meja keeps its files when no path is given.
pub fn project_dirs() -> Option<ProjectDirs> {
    ProjectDirs::from("id", "UPTD PPA", "meja")
}

pub fn default_db_path() -> Result<PathBuf> {
    let dirs = project_dirs().ok_or_else(|| Error::new(Msg::ErrNoDataDir, &[]))?;
    Ok(dirs.data_dir().join("meja.db"))
}

pub fn default_config_path() -> Option<PathBuf> {
    project_dirs().map(|d| d.config_dir().join("config.toml"))
}

/// The data folder holds case files: owner-only when meja creates it.
fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    let mut b = std::fs::DirBuilder::new();
    b.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut b, 0o700);
    b.create(dir)
}

/// Resolved common options.
pub struct Env {
    pub db: Option<PathBuf>,
    pub config_path: Option<PathBuf>,
    pub lang_flag: Option<Lang>,
    pub user: Option<String>,
    /// `--board`: start on the case board instead of the intake.
    pub board: bool,
    /// `--force`: an existing `--out` file may be replaced (never the database).
    pub force: bool,
}

impl Env {
    pub fn config(&self) -> Result<Config> {
        match &self.config_path {
            Some(p) => Config::load(p),
            None => match default_config_path() {
                Some(p) => Config::load(&p),
                None => Ok(Config::default()),
            },
        }
    }

    /// Flag or MEJA_LANG first, then the configuration file, then Indonesian.
    pub fn lang(&self, config: Option<&Config>) -> Lang {
        self.lang_flag
            .or_else(|| config.and_then(Config::lang))
            .unwrap_or_default()
    }

    /// What a command's `--out` may write over: never the database, an existing file only
    /// with `--force`.
    pub fn out_rules(&self) -> Result<crate::io::outfile::OutRules> {
        Ok(crate::io::outfile::OutRules::new(
            &self.db_path()?,
            self.force,
        ))
    }

    pub fn db_path(&self) -> Result<PathBuf> {
        match &self.db {
            Some(p) => Ok(p.clone()),
            None => {
                let p = default_db_path()?;
                if let Some(dir) = p.parent() {
                    // Only the default location is created: a mistyped --db folder is an error.
                    create_private_dir(dir)
                        .map_err(|e| Error::new(Msg::ErrDbOpen, &[&p.display(), &e]))?;
                }
                Ok(p)
            }
        }
    }

    /// Signs the worker at the keyboard in for one command and checks their role allows
    /// `permission` (see `identity::actor_for`).
    pub fn actor(
        &self,
        store: &mut Store,
        config: &Config,
        permission: Permission,
    ) -> Result<Actor> {
        crate::identity::actor_for(
            self.user.as_deref(),
            self.lang(Some(config)),
            store,
            config,
            permission,
        )
    }
}
