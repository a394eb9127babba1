"""Every test here that runs ``govkg build`` or ``govkg load`` writes the default embedded store to a
temporary folder, never to the working tree's ``.govkg/``."""
import pytest


@pytest.fixture(autouse=True)
def _embedded_store_in_tmp(embedded_store_in_tmp):
    return embedded_store_in_tmp
