"""The OpenAPI document (api.schema) turned into what the documentation template shows: operations and schemas."""

import json

from django.utils.translation import gettext as _

HTTP_METHODS = ("get", "post", "put", "patch", "delete")


def resolve(schema: dict, node: dict) -> dict:
    """Follow a local $ref ('#/components/...') to what it points at."""
    while isinstance(node, dict) and "$ref" in node:
        target = schema
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


def ref_name(node: dict | None) -> str | None:
    return node["$ref"].rsplit("/", 1)[-1] if isinstance(node, dict) and "$ref" in node else None


def type_label(node: dict) -> str:
    """A short notation of a schema, like 'array[SearchResult]' or 'integer | null'."""
    if name := ref_name(node):
        return name
    if "oneOf" in node or "anyOf" in node:
        return " | ".join(type_label(option) for option in node.get("oneOf") or node["anyOf"])
    if "allOf" in node:
        return " & ".join(type_label(part) for part in node["allOf"])
    label = node.get("type", "object")
    if label == "array":
        label = f"array[{type_label(node.get('items', {}))}]"
    if node.get("format"):
        label += f" ({node['format']})"
    if node.get("nullable"):
        label += " | null"
    return label


def constraints(node: dict) -> str:
    """The limits of a parameter or field in words people read: enum, default, minimum, maximum, length."""
    items = node.get("items", {}) if node.get("type") == "array" else {}
    facts = []
    for source in (node, items):
        if "enum" in source:
            facts.append(" | ".join(json.dumps(value, ensure_ascii=False) for value in source["enum"]))
        if "minimum" in source:
            facts.append(f"≥ {source['minimum']}")
        if "maximum" in source:
            facts.append(f"≤ {source['maximum']}")
        if "maxLength" in source:
            facts.append(_("hoogstens %(count)s tekens") % {"count": source["maxLength"]})
        if "maxItems" in source:
            facts.append(_("hoogstens %(count)s waarden") % {"count": source["maxItems"]})
        if "default" in source:
            facts.append(_("standaard %(value)s") % {"value": json.dumps(source["default"])})
    return ", ".join(facts)


def example_text(example) -> str:
    return example if isinstance(example, str) else json.dumps(example, indent=2, ensure_ascii=False)


def parameter_row(schema: dict, parameter: dict) -> dict:
    parameter = resolve(schema, parameter)
    field = parameter.get("schema", {})
    return {
        "name": parameter["name"],
        "location": parameter["in"],
        "required": parameter.get("required", False),
        "repeatable": field.get("type") == "array",
        "type": type_label(field),
        "constraints": constraints(field),
        "description": parameter.get("description", ""),
        "example": parameter_example(parameter),
    }


def first_example(node: dict) -> object:
    """The value of the first of a parameter's or media type's examples; None without one."""
    examples = list(node.get("examples", {}).values())
    return examples[0]["value"] if examples else None


def parameter_example(parameter: dict) -> str:
    """An example as it is written in a URL: 'theme=veiligheid' for a query parameter."""
    example = first_example(parameter)
    if example is None:
        return ""
    if parameter["in"] != "query":
        return str(example)
    values = example if isinstance(example, list) else [example]
    return "&".join(f"{parameter['name']}={value}" for value in values)


def response_row(schema: dict, status: str, response: dict) -> dict:
    response = resolve(schema, response)
    contents = []
    for media_type, media in response.get("content", {}).items():
        contents.append(
            {
                "media_type": media_type,
                "schema": ref_name(media.get("schema")),
                "type": type_label(media.get("schema", {})),
                "example": example_text(example) if (example := first_example(media)) is not None else "",
            }
        )
    return {
        "status": status,
        "description": response.get("description", ""),
        "headers": [
            {"name": name, "description": header.get("description", "")} for name, header in response.get("headers", {}).items()
        ],
        "contents": contents,
    }


def documented_operations(schema: dict) -> list[dict]:
    operations = []
    for path, path_item in schema["paths"].items():
        for method in HTTP_METHODS:
            if method not in path_item:
                continue
            operation = path_item[method]
            operations.append(
                {
                    "id": operation["operationId"],
                    "method": method.upper(),
                    "path": path,
                    "summary": operation.get("summary", ""),
                    "description": operation.get("description", ""),
                    "parameters": [parameter_row(schema, parameter) for parameter in operation.get("parameters", [])],
                    "responses": [response_row(schema, status, response) for status, response in operation["responses"].items()],
                }
            )
    return operations


def documented_schemas(schema: dict) -> list[dict]:
    """The component schemas with their fields, one level deep (nested schemas are listed by name)."""
    documented = []
    for name, node in schema["components"]["schemas"].items():
        fields = []
        required = set(node.get("required", []))
        for field_name, field in node.get("properties", {}).items():
            fields.append(
                {
                    "name": field_name,
                    "type": type_label(field),
                    "link": ref_name(field) or ref_name(field.get("items")),
                    "required": field_name in required,
                    "constraints": constraints(field),
                    "description": resolve(schema, field).get("description", ""),
                }
            )
        documented.append({"name": name, "type": type_label(node), "description": node.get("description", ""), "fields": fields})
    return documented
