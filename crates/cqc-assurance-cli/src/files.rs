//! Writing files whole or not at all, for every command: a file's bytes go to a new file in
//! its folder (flushed to disk), which then takes the file's name in one step, so that a
//! failure part-way (a full disk, a crash, a name that cannot be written) leaves what was there.

use std::path::Path;

use crate::CliError;

/// Writes a file whole or not at all (see [`write_whole`]).
pub(crate) fn write_atomic(path: &str, bytes: &[u8]) -> Result<(), CliError> {
    write_whole(&[(path, bytes)])
}

/// Writes each file whole or not at all: every one goes first to a temporary file in its own
/// folder (flushed to disk), and only when all are written are they renamed over their
/// targets. A failure removes the temporary files and leaves every target as it was.
pub(crate) fn write_whole(files: &[(&str, &[u8])]) -> Result<(), CliError> {
    let mut temps: Vec<(std::path::PathBuf, &str)> = Vec::new();
    let failed = |temps: &[(std::path::PathBuf, &str)], path: &str, e: std::io::Error| {
        for (t, _) in temps {
            let _ = std::fs::remove_file(t);
        }
        CliError::Io(format!("cannot write {path}: {e}"))
    };
    for (i, (path, bytes)) in files.iter().enumerate() {
        let target = std::path::Path::new(path);
        let Some(name) = target.file_name() else {
            return Err(failed(
                &temps,
                path,
                std::io::Error::new(std::io::ErrorKind::InvalidInput, "not a file name"),
            ));
        };
        let folder = target
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(std::path::Path::new("."));
        let temp = folder.join(format!(
            ".{}.{}-{i}.tmp",
            name.to_string_lossy(),
            std::process::id()
        ));
        let written = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)
            .and_then(|mut f| {
                std::io::Write::write_all(&mut f, bytes)?;
                f.sync_all()
            });
        if let Err(e) = written {
            let _ = std::fs::remove_file(&temp);
            return Err(failed(&temps, path, e));
        }
        temps.push((temp, path));
    }
    for k in 0..temps.len() {
        let (temp, path) = &temps[k];
        if let Err(e) = std::fs::rename(temp, path) {
            return Err(failed(&temps[k..], path, e));
        }
    }
    Ok(())
}

/// Writes a new file whole or not at all, never replacing an existing one: the bytes go to a
/// new file in the same folder, which is then linked under `path` (refused if `path`
/// exists).
pub(crate) fn write_new_atomic(path: &str, bytes: &[u8], refusal: &str) -> Result<(), CliError> {
    let (tmp, mut file) = temp_beside(path)?;
    let written = std::io::Write::write_all(&mut file, bytes).and_then(|()| file.sync_all());
    drop(file);
    let linked = written.and_then(|()| std::fs::hard_link(&tmp, path));
    let _ = std::fs::remove_file(&tmp);
    linked.map_err(|e| {
        if e.kind() == std::io::ErrorKind::AlreadyExists {
            CliError::Io(format!("cannot create {path}: it exists ({refusal})"))
        } else {
            CliError::Io(format!("cannot create {path}: {e}"))
        }
    })
}

/// A new, empty file in the folder of `path`.
fn temp_beside(path: &str) -> Result<(std::path::PathBuf, std::fs::File), CliError> {
    let target = Path::new(path);
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .ok_or_else(|| CliError::Io(format!("cannot write {path}: not a file name")))?;
    for attempt in 0..1000 {
        let tmp = dir.join(format!(".{name}.{}-{attempt}.tmp", std::process::id()));
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)
        {
            Ok(file) => return Ok((tmp, file)),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(CliError::Io(format!("cannot write {path}: {e}"))),
        }
    }
    Err(CliError::Io(format!(
        "cannot write {path}: no free temporary file name in its folder"
    )))
}
