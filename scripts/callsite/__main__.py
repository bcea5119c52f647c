from .commands.command import run

run()
