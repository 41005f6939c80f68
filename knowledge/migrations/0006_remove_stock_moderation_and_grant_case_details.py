"""Wijkwijs has its own roles (Redactie, Bijdragers <gemeente>) and workflow (Redactiecheck): stock Wagtail's
'Moderators approval' workflow and its Moderators and Editors groups only confuse. A group someone still has
members in stays (its members would otherwise lose rights without a word); a workflow with history is switched
off instead of deleted. The editors get the right to the case fields contributors do not see."""

from django.db import migrations

STOCK_WORKFLOW = "Moderators approval"
STOCK_GROUPS = ("Moderators", "Editors")
EDITORS_GROUP = "Redactie"


def remove_stock_moderation(apps, schema_editor):
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Task = apps.get_model("wagtailcore", "Task")
    WorkflowState = apps.get_model("wagtailcore", "WorkflowState")
    TaskState = apps.get_model("wagtailcore", "TaskState")
    Group = apps.get_model("auth", "Group")
    for workflow in Workflow.objects.filter(name=STOCK_WORKFLOW):
        workflow.workflow_pages.all().delete()
        if WorkflowState.objects.filter(workflow=workflow).exists():
            Workflow.objects.filter(pk=workflow.pk).update(active=False)
        else:
            workflow.workflow_tasks.all().delete()
            workflow.delete()
    for task in Task.objects.filter(name=STOCK_WORKFLOW):
        if not task.workflow_tasks.exists() and not TaskState.objects.filter(task=task).exists():
            task.delete()
    Group.objects.filter(name__in=STOCK_GROUPS, user__isnull=True).delete()


def grant_case_details(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    content_type, _ = ContentType.objects.get_or_create(app_label="knowledge", model="casestudypage")
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename="manage_case_details",
        defaults={"name": "Kan de beheervelden van praktijkvoorbeelden wijzigen"},
    )
    for group in Group.objects.filter(name=EDITORS_GROUP):
        group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("knowledge", "0005_case_details_permission_and_body_default"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [
        migrations.RunPython(remove_stock_moderation, migrations.RunPython.noop),
        migrations.RunPython(grant_case_details, migrations.RunPython.noop),
    ]
