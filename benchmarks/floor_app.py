"""The floor: the smallest Typer + Rich app that prints one panel. Nothing can be faster."""

import typer
from rich.console import Console
from rich.panel import Panel

app = typer.Typer()


@app.command()
def main() -> None:
    Console().print(Panel("Psychodynamic psychotherapy"))


if __name__ == "__main__":
    app()
