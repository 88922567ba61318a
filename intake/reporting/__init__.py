"""The figures behind the manager's view and the annual complaints report (no web code here).

figures.py asks the case log for counts (SQL GROUP BY where the database can
answer alone, a narrow select grouped in Python where the council's time zone
or the working-day calendar decides); charts.py draws them as accessible SVG;
export.py writes them as CSV or JSON for the annual report.
"""
