use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = factlint::cli::Cli::parse();
    ExitCode::from(factlint::app::run(cli).code())
}
