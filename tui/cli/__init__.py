"""The command line: `launch` (where `newstui` starts; the bare reader without Typer), `commands`
and `feeds` (the Typer commands), `output` (articles printed). Nothing is imported here, so the
reader's start-up loads only `launch`."""
