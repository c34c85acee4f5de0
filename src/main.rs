use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = factlint::cli::Cli::parse_args();
    ExitCode::from(factlint::run(cli).code())
}
