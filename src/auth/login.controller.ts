import { Body, Controller, Ip, Post } from '@nestjs/common';
import { ApiConsumes, ApiOAuth2, ApiTags } from '@nestjs/swagger';
import { GalileoOperation } from '../common/openapi/galileo-operation.decorator';
import { SECURITY } from '../common/openapi/security-schemes';
import { ApiKeyLoginRequest, LoginForm, TokenResponse } from './dto/login.dto';
import { LoginService } from './login.service';

@Controller('login')
@ApiTags('auth')
@ApiOAuth2([], SECURITY.galileoOAuth2)
export class LoginController {
  constructor(private readonly login: LoginService) {}

  @Post()
  @ApiConsumes('application/x-www-form-urlencoded')
  @GalileoOperation({ operationId: 'login_email_login_post', summary: 'Login Email', response: TokenResponse })
  withPassword(@Body() form: LoginForm, @Ip() client: string): Promise<TokenResponse> {
    return this.login.withPassword(form.username, form.password, client);
  }

  @Post('api_key')
  @GalileoOperation({ operationId: 'login_api_key_login_api_key_post', summary: 'Login Api Key', response: TokenResponse })
  withApiKey(@Body() body: ApiKeyLoginRequest, @Ip() client: string): Promise<TokenResponse> {
    return this.login.withApiKey(body.api_key, client);
  }
}
