"""The accessibility statement (lag 2018:1937) and the problems readers report against it."""
