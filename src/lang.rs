//! The two languages meja speaks, and the `{}` template filler: a leaf that both `i18n` (the
//! messages) and `domain` (vocabulary labels, the letter's layout) use, so the domain never
//! needs the message table.

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Id,
    En,
}

impl Lang {
    /// `id`, `in`, `ind`, `indonesia` and `en`, `eng`, `english`, in any case.
    pub fn parse(s: &str) -> Option<Lang> {
        match s.trim().to_ascii_lowercase().as_str() {
            "id" | "in" | "ind" | "indonesia" | "bahasa" => Some(Lang::Id),
            "en" | "eng" | "english" => Some(Lang::En),
            _ => None,
        }
    }
}

/// Replaces each `{}` (or `{:…}`) in `template` with the next argument.
pub fn fill(template: &str, args: &[&dyn std::fmt::Display]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut args = args.iter();
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let after = &rest[start..];
        let Some(end) = after.find('}') else {
            out.push_str(after);
            return out;
        };
        let spec = &after[1..end];
        match args.next() {
            Some(a) => match spec.strip_prefix(":.") {
                Some(p) => {
                    let prec: usize = p.trim_end_matches('f').parse().unwrap_or(1);
                    let shown = a.to_string();
                    match shown.parse::<f64>() {
                        Ok(v) => out.push_str(&format!("{v:.prec$}")),
                        Err(_) => out.push_str(&shown),
                    }
                }
                None => out.push_str(&a.to_string()),
            },
            None => out.push_str(&after[..=end]),
        }
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    out
}
