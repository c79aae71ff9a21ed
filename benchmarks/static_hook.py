"""The one filter the theme's own templates use (dates as readers write them), for the static copy's build:
a hand-written site on this theme would need it too, and it costs nothing measurable."""

from macros.model.vocab import long_date


def on_env(env, config, files):
    env.filters["long_date"] = long_date
    return env
