"""Views: pure functions of the Dataset that return HTML fragments for pages.

REGISTRY is what pages may call, by name: {{ funding_table() }}.
"""

from . import (
    actions,
    campaigns,
    charts,
    funding,
    opendata,
    partnership,
    priorities,
    report,
    sources,
    staff,
    statistics,
    updates,
)

REGISTRY = {
    "priorities_by_year": priorities.priorities_by_year,
    "current_priorities": priorities.current_priorities,
    "updates_by_quarter": updates.updates_by_quarter,
    "action_plan": actions.action_plan,
    "funding_table": funding.funding_table,
    "funding_totals": funding.funding_totals,
    "funding_pots": funding.funding_pots,
    "campaign_list": campaigns.campaign_list,
    "statistics_list": statistics.statistics_list,
    "emergency_panel": report.emergency_panel,
    "report_topics": report.report_topics,
    "partnership_bodies": partnership.partnership_bodies,
    "source_list": sources.source_list,
    "open_data_list": opendata.open_data_list,
    "validation_rules": staff.validation_rules,
    "chart": charts.chart,
    "statistic_trends": charts.statistic_trends,
}
