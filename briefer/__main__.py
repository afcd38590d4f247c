"""`python -m briefer`."""

from briefer.cli import main

main()
