"""The German gold reports (issue 17 item 5) and their hand-made expectations. Read by make_gold.py
after reports_data.py; same helpers (F, M, R) and conventions. Every report names its language
(lang=...) for the root's Language of Content Item and Descendants (121049, DCM).
"""
from reports_data import F, M, report

REPORTS = []

def R(*args, **kwargs):
    REPORTS.append(report(*args, **kwargs))
