//! `meja config init`: a commented default configuration file.

use clap::Subcommand;

use super::Env;
use super::env::default_config_path;
use crate::config::Config;
use crate::error::{Error, Result};
use crate::i18n::{Msg, fill};

#[derive(Subcommand)]
pub enum ConfigAction {
    /// Tulis konfigurasi bawaan berkomentar / write a commented default
    Init,
}

pub fn run_config_init(env: &Env) -> Result<String> {
    let path = match &env.config_path {
        Some(p) => p.clone(),
        None => default_config_path().ok_or_else(|| Error::new(Msg::ErrNoDataDir, &[]))?,
    };
    let written = Config::init(&path)?;
    let lang = env.lang(None);
    Ok(fill(Msg::ConfigWritten.get(lang), &[&written.display()]))
}
