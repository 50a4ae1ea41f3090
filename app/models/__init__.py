"""Qt item models over query results, and the Qt-free time arithmetic the screens share."""
