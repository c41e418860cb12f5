//! The shipped `content/` and `assets/` are compiled into the binary; rebuild whenever a
//! file in them changes, is added or is removed (include_dir alone misses new files).

fn main() {
    println!("cargo:rerun-if-changed=content");
    println!("cargo:rerun-if-changed=assets");
}
