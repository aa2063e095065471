"""Package list for setuptools: the code under desktop/ plus the data folders.

`resources/` and `templates/` live at the top of the repository (see the design
brief) but ship inside the wheel as `resdesk.resources` and `resdesk.templates`,
so they are found the same way from a checkout and from an installed wheel.
"""

from setuptools import find_packages, setup

setup(packages=find_packages("desktop") + ["resdesk.resources", "resdesk.templates"])
