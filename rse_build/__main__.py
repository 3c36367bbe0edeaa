from rse_build.cli import main

main(prog_name="rse")
