"""The admin API (/admin/api/main/), which the admin's own scripts read: documents and images only as the user
may choose them. Wagtail's endpoints list every one outside restricted collections, another municipality's
included."""

from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet

from knowledge.editorial.references import choosable


class ChoosableMixin:
    def get_queryset(self):
        return super().get_queryset().filter(pk__in=choosable(self.request.user, self.model).values("pk"))


class ChoosableDocumentsAPIViewSet(ChoosableMixin, DocumentsAdminAPIViewSet):
    pass


class ChoosableImagesAPIViewSet(ChoosableMixin, ImagesAdminAPIViewSet):
    pass


def register_endpoints(router):
    router.register_endpoint("documents", ChoosableDocumentsAPIViewSet)
    router.register_endpoint("images", ChoosableImagesAPIViewSet)
