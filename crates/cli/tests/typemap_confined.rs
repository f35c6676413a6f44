//! `typemap --out` writes only inside the project root (the repository holding the working
//! directory, else the working directory): `..` and symlinks leading out are refused, untouched.

use std::path::Path;

const SCHEMA: &str = "datasource db {\n  provider = \"postgresql\"\n}\nmodel tag {\n  id BigInt @id\n  tag String\n}\n";

fn typemap(cwd: &Path, out: &str) -> fixture_cli::CliOutput {
    let args: Vec<String> = ["typemap", "--schema", "prisma/schema.prisma", "--out", out].iter().map(|s| s.to_string()).collect();
    fixture_cli::run(&args, cwd)
}

#[cfg(unix)]
#[test]
fn writes_inside_the_repository_and_refuses_paths_out_of_it() {
    let outside = tempfile::tempdir().unwrap();
    let repo = tempfile::tempdir().unwrap();
    std::fs::create_dir(repo.path().join(".git")).unwrap();
    let package = repo.path().join("packages/server");
    std::fs::create_dir_all(package.join("prisma")).unwrap();
    std::fs::create_dir_all(repo.path().join("packages/shared")).unwrap();
    std::fs::write(package.join("prisma/schema.prisma"), SCHEMA).unwrap();

    // A sibling package of the same repository is inside the root.
    let sibling = typemap(&package, "../shared/PRISMA_TYPE_MAP.ts");
    assert_eq!(sibling.exit_code, 0, "{}", sibling.stderr);
    assert!(repo.path().join("packages/shared/PRISMA_TYPE_MAP.ts").is_file());

    // Out of the repository by `..`, by an absolute path, or through a symlinked folder.
    let escape = format!("../../../{}/map.ts", outside.path().file_name().unwrap().to_string_lossy());
    std::os::unix::fs::symlink(outside.path(), package.join("linked")).unwrap();
    for out in [escape.as_str(), &outside.path().join("map.ts").display().to_string(), "linked/map.ts"] {
        let refused = typemap(&package, out);
        assert_eq!(refused.exit_code, 2, "{out}: {}", refused.stdout);
        assert!(refused.stderr.contains("refusing to write outside the project root"), "{out}: {}", refused.stderr);
    }
    assert_eq!(std::fs::read_dir(outside.path()).unwrap().count(), 0, "nothing was written outside");
}
