"""Alembic environment: runs on the connection strife hands over (see `strife.migrations.alembic_config`)."""

from alembic import context

from strife.store.database import make_engine
from strife.store.schema import metadata

config = context.config


def run_on(connection) -> None:
    context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    run_on(connection)
else:  # plain `alembic -x` use with sqlalchemy.url set in a config file
    with make_engine(config.get_main_option("sqlalchemy.url")).begin() as opened:
        run_on(opened)
