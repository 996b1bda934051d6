import { Module } from '@nestjs/common';
import { AdministratorBootstrap } from './administrator-bootstrap';
import { ApiKeysController } from './api-keys.controller';
import { ApiKeysRepository } from './api-keys.repository';
import { CurrentUserController } from './current-user.controller';
import { CurrentUserService } from './current-user.service';
import { IdentityService } from './identity.service';
import { OrganizationsRepository } from './organizations.repository';
import { UsersRepository } from './users.repository';

/** Organizations, users and API keys. */
@Module({
  controllers: [ApiKeysController, CurrentUserController],
  providers: [OrganizationsRepository, UsersRepository, ApiKeysRepository, IdentityService, CurrentUserService, AdministratorBootstrap],
  exports: [OrganizationsRepository, UsersRepository, ApiKeysRepository, IdentityService],
})
export class IdentityModule {}
